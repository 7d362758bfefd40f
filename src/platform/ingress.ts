import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as acm from './cdk/aws-certificatemanager.js';
import * as eks from './cdk/aws-eks-v2.js';
import * as iam from './cdk/aws-iam.js';
import * as route53 from './cdk/aws-route53.js';
import { CfnOutput } from './cdk/core.js';
import { acknowledgeWildcardResources, policyResources } from './nag.js';
import { VPC_CLUSTER_TAG } from './network.js';
import { PodIdentityRole } from './pod-identity-role.js';
import type { VersionLock } from './versions.js';

export interface IngressProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

/** The IngressClass the controller installs and marks default; apps reference it. */
export const INGRESS_CLASS = 'alb';
export const ALB_CONTROLLER = { namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' } as const;

/**
 * The certificate ARN the apps generator may put in the
 * `alb.ingress.kubernetes.io/certificate-arn` annotation: the configured one,
 * else undefined. When undefined the platform requests its own certificate
 * (domain and *.domain) and apps leave the annotation off: the load balancer
 * controller then discovers the ACM certificate matching each Ingress host.
 */
export function certificateArnFor(env: Pick<EnvironmentConfig, 'domain'>): string | undefined {
  return env.domain?.certificateArn;
}

/** The published IAM policy of the locked controller release, as shipped with aws-cdk-lib. */
export function albControllerPolicy(appVersion: string): iam.PolicyDocument {
  return iam.PolicyDocument.fromJson(albControllerPolicyJson(appVersion));
}

function albControllerPolicyJson(appVersion: string): unknown {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('aws-cdk-lib/package.json'));
  const file = join(root, 'aws-eks-v2', 'lib', 'addons', `alb-iam_policy-${appVersion}.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * 1.3 HTTPS ingress: the AWS Load Balancer Controller (locked Helm chart) with
 * its IAM policy through Pod Identity, the default IngressClass `alb`, and an
 * ACM certificate for the domain and its wildcard (DNS validated) unless one
 * is configured.
 */
export class Ingress extends Construct {
  readonly chart: eks.HelmChart;
  readonly role: PodIdentityRole;
  readonly certificateArn?: string;

  constructor(scope: Construct, id: string, props: IngressProps) {
    super(scope, id);
    const { env, cluster, versions } = props;
    const lock = versions.charts.awsLoadBalancerController;

    this.role = new PodIdentityRole(this, 'ControllerIdentity', {
      cluster,
      ...ALB_CONTROLLER,
      policyDocument: albControllerPolicy(lock.appVersion),
    });

    acknowledgeWildcardResources(
      this.role,
      policyResources(albControllerPolicyJson(lock.appVersion)),
      "This is the load balancer controller's published policy for the locked release: it must manage load " +
        'balancers, target groups and security groups it creates at run time, whose ARNs are not known in advance; ' +
        'mutating statements are conditioned on the elbv2.k8s.aws/cluster tag.',
    );
    this.chart = new eks.HelmChart(this, 'AwsLoadBalancerController', {
      cluster,
      chart: lock.chart,
      repository: lock.repository,
      version: lock.version,
      release: 'aws-load-balancer-controller',
      namespace: ALB_CONTROLLER.namespace,
      wait: true,
      values: {
        clusterName: env.clusterName,
        region: env.region,
        // Found by tag rather than by ID, so the values stay plain JSON (no token) in the template.
        vpcTags: { [VPC_CLUSTER_TAG]: env.clusterName },
        replicaCount: 2,
        serviceAccount: { create: true, name: ALB_CONTROLLER.serviceAccount },
        createIngressClassResource: true,
        ingressClass: INGRESS_CLASS,
        ingressClassConfig: { default: true },
        enableServiceMutatorWebhook: false,
      },
    });
    this.chart.node.addDependency(this.role.association);

    if (env.domain) {
      if (env.domain.certificateArn) {
        this.certificateArn = env.domain.certificateArn;
      } else {
        const zone = env.domain.hostedZoneId
          ? route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
              hostedZoneId: env.domain.hostedZoneId,
              zoneName: env.domain.name,
            })
          : undefined;
        const cert = new acm.Certificate(this, 'Certificate', {
          domainName: env.domain.name,
          subjectAlternativeNames: [`*.${env.domain.name}`],
          validation: acm.CertificateValidation.fromDns(zone),
        });
        this.certificateArn = cert.certificateArn;
      }
      new CfnOutput(this, 'CertificateArn', {
        value: this.certificateArn,
        description: `ACM certificate for ${env.domain.name} and *.${env.domain.name}`,
      });
    }
  }
}
