import type { ValuePath } from '../../util/paths.js';
import { isPlainObject } from '../../util/paths.js';
import type { AwsResource, KubeResource, SourceRef } from '../types.js';
import { fileKubeResource, isKubeObject } from './kube-documents.js';

/** The CloudFormation types static verification reads; a template read means these were all "collected". */
export const STATIC_AWS_TYPES = [
  'AWS::EKS::Cluster',
  'AWS::EKS::Nodegroup',
  'AWS::EKS::Addon',
  'AWS::EKS::PodIdentityAssociation',
  'AWS::EKS::AccessEntry',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::NatGateway',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCEndpoint',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::LaunchTemplate',
  'AWS::ECR::Repository',
  'AWS::Logs::LogGroup',
  'AWS::Lambda::Function',
  'AWS::CloudWatch::Alarm',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  'AWS::Logs::MetricFilter',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupSelection',
  'AWS::Backup::BackupVault',
  'AWS::DLM::LifecyclePolicy',
  'AWS::SecretsManager::Secret',
  'AWS::CertificateManager::Certificate',
  'Custom::AWSCDK-EKS-KubernetesResource',
  'Custom::AWSCDK-EKS-HelmChart',
] as const;

export const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';
export const HELM_CHART_TYPE = 'Custom::AWSCDK-EKS-HelmChart';

/** A CloudFormation template: `AWSTemplateFormatVersion`, or a `Resources` map of `{ Type: 'AWS::…' }`. */
export function isCloudFormationTemplate(value: unknown): value is { Resources?: Record<string, unknown> } {
  if (!isPlainObject(value)) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  const resources = value.Resources;
  if (!isPlainObject(resources)) return false;
  const entries = Object.values(resources);
  return (
    entries.length > 0 &&
    entries.every((r) => isPlainObject(r) && typeof r.Type === 'string') &&
    entries.some((r) => /^(AWS|Custom)::/.test(String((r as Record<string, unknown>).Type)))
  );
}

export interface TemplateContents {
  readonly aws: AwsResource[];
  /** Kubernetes objects the template applies (CDK's KubernetesResource Manifest property). */
  readonly kube: KubeResource[];
  readonly notes: string[];
}

/**
 * The resources of a template as AwsResources (CloudFormation-shaped
 * properties, positions of property paths), plus the Kubernetes objects it
 * embeds. `locate` maps a path in the template document to a position.
 */
export function readTemplate(
  template: { Resources?: Record<string, unknown> },
  where: string,
  locate: (path: ValuePath) => SourceRef,
): TemplateContents {
  const aws: AwsResource[] = [];
  const kube: KubeResource[] = [];
  const notes: string[] = [];
  const resources = isPlainObject(template.Resources) ? template.Resources : {};
  for (const id of Object.keys(resources).sort()) {
    const r = resources[id];
    if (!isPlainObject(r) || typeof r.Type !== 'string') continue;
    const properties = isPlainObject(r.Properties) ? r.Properties : {};
    let source: SourceRef | undefined;
    aws.push({
      type: r.Type,
      id,
      properties,
      get source(): SourceRef {
        source ??= locate(['Resources', id]);
        return source;
      },
      locate: (path: ValuePath) => locate(['Resources', id, 'Properties', ...path]),
    });
    if (r.Type === KUBERNETES_RESOURCE_TYPE && 'Manifest' in properties) {
      const at = () => locate(['Resources', id, 'Properties', 'Manifest']);
      const { objects, problem } = embeddedManifest(properties.Manifest);
      if (problem) notes.push(`${where}: ${id}: the Manifest property could not be read (${problem}); skipped`);
      for (const object of objects) kube.push(fileKubeResource(object, [], at));
    }
  }
  return { aws, kube, notes };
}

/**
 * The objects in a KubernetesResource's Manifest: a JSON string, or an
 * `Fn::Join` of strings and tokens (tokens become `${Token[Id.Attr]}`).
 */
export function embeddedManifest(manifest: unknown): { objects: ReturnType<typeof kubeObjects>; problem?: string } {
  const text = resolveString(manifest);
  if (text === undefined) return { objects: [], problem: 'not a string or Fn::Join of strings' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { objects: [], problem: `invalid JSON: ${(e as Error).message}` };
  }
  return { objects: kubeObjects(parsed) };
}

function kubeObjects(parsed: unknown) {
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.filter(isKubeObject);
}

/** A string value with intrinsic functions resolved as far as a template alone allows. */
export function resolveString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isPlainObject(value)) return undefined;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && join.length === 2 && Array.isArray(join[1])) {
    const sep = typeof join[0] === 'string' ? join[0] : '';
    return join[1].map((part) => resolveString(part) ?? tokenPlaceholder(part)).join(sep);
  }
  return tokenPlaceholder(value);
}

/** A stand-in for a value only a deployed stack knows, such as `${Token[Cluster.Arn]}`. */
export function tokenPlaceholder(value: unknown): string {
  if (isPlainObject(value)) {
    if (typeof value.Ref === 'string') return `\${Token[${value.Ref}]}`;
    const att = value['Fn::GetAtt'];
    if (Array.isArray(att)) return `\${Token[${att.map(String).join('.')}]}`;
    if (typeof att === 'string') return `\${Token[${att}]}`;
    const fn = Object.keys(value)[0];
    if (fn) return `\${Token[${fn}]}`;
  }
  return `\${Token[?]}`;
}
