import { describe, expect, it } from 'vitest';
import {
  embeddedManifest,
  isCloudFormationTemplate,
  resolveString,
} from '../../../src/inventory/sources/cloudformation.js';
import { inventoryFromTexts } from '../../../src/inventory/sources/static-inventory.js';

const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: !Sub "\${AWS::StackName}-web"
      ImageScanningConfiguration:
        ScanOnPush: false
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: !GetAtt NodeRole.Arn
      Subnets: [!Ref SubnetA]
      ScalingConfig: { MinSize: 1, MaxSize: 1, DesiredSize: 1 }
`;

describe('CloudFormation templates', () => {
  it('detects templates by AWSTemplateFormatVersion or a Resources map of AWS types', () => {
    expect(isCloudFormationTemplate({ AWSTemplateFormatVersion: '2010-09-09' })).toBe(true);
    expect(isCloudFormationTemplate({ Resources: { A: { Type: 'AWS::S3::Bucket' } } })).toBe(true);
    expect(isCloudFormationTemplate({ Resources: { A: { kind: 'x' } } })).toBe(false);
    expect(isCloudFormationTemplate({ apiVersion: 'v1', kind: 'List' })).toBe(false);
  });

  it('reads YAML templates with short-form tags as CloudFormation-shaped resources with property lines', () => {
    const inv = inventoryFromTexts([{ file: 'stack.yaml', text: YAML_TEMPLATE }]);
    const repo = inv.awsById('Repo');
    expect(repo?.type).toBe('AWS::ECR::Repository');
    expect(repo?.properties.RepositoryName).toEqual({ 'Fn::Sub': `\${AWS::StackName}-web` });
    expect(repo?.source).toMatchObject({ file: 'stack.yaml', line: 3 });
    expect(repo?.locate(['ImageScanningConfiguration', 'ScanOnPush'])).toMatchObject({ line: 8 });
    const nodes = inv.aws('AWS::EKS::Nodegroup')[0];
    expect(nodes.properties.NodeRole).toEqual({ 'Fn::GetAtt': ['NodeRole', 'Arn'] });
    expect(nodes.properties.Subnets).toEqual([{ Ref: 'SubnetA' }]);
    expect(nodes.locate(['ScalingConfig', 'MinSize'])).toMatchObject({ line: 15 });
    expect(inv.hasAwsType('AWS::Logs::LogGroup')).toBe(true);
  });

  it('reads JSON templates (slipway synth output) with positions', () => {
    const template = {
      Resources: {
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } },
      },
    };
    const inv = inventoryFromTexts([{ file: 'p.template.json', text: `${JSON.stringify(template, null, 2)}\n` }]);
    expect(inv.awsById('Logs')?.locate(['RetentionInDays'])).toMatchObject({ file: 'p.template.json', line: 6 });
  });

  it('adds the Kubernetes objects of CDK KubernetesResource manifests, tokens as placeholders', () => {
    const manifest = {
      'Fn::Join': [
        '',
        [
          '[{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"app","namespace":"shop","annotations":{"role":"',
          { 'Fn::GetAtt': ['AppRole', 'Arn'] },
          '"}}},{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gp3"},"provisioner":"ebs.csi.aws.com"}]',
        ],
      ],
    };
    const template = {
      Resources: {
        Manifest: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { Manifest: manifest } },
        Chart: { Type: 'Custom::AWSCDK-EKS-HelmChart', Properties: { Chart: 'aws-load-balancer-controller' } },
      },
    };
    const inv = inventoryFromTexts([{ file: 't.json', text: JSON.stringify(template, null, 2) }]);
    const sa = inv.get('ServiceAccount', 'shop', 'app');
    expect(sa?.object.metadata.annotations).toEqual({ role: `\${Token[AppRole.Arn]}` });
    expect(sa?.source).toMatchObject({ file: 't.json', line: 6 });
    expect(inv.get('StorageClass', undefined, 'gp3')).toBeDefined();
    expect(inv.aws('Custom::AWSCDK-EKS-HelmChart').map((a) => a.properties.Chart)).toEqual([
      'aws-load-balancer-controller',
    ]);
  });

  it('notes a manifest property it cannot read instead of failing', () => {
    expect(embeddedManifest('{not json').problem).toMatch(/invalid JSON/);
    expect(resolveString({ Ref: 'X' })).toBe(`\${Token[X]}`);
    expect(resolveString({ 'Fn::Join': ['-', ['a', { Ref: 'B' }]] })).toBe(`a-\${Token[B]}`);
  });
});
