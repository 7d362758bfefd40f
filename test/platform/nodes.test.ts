import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoscalerOwnerTag } from '../../src/platform/cluster-autoscaler.js';
import { VERSION_LOCK } from '../../src/platform/versions.js';
import { charts, dig, exampleEnv, resourcesOf, type Synthesized, synth, variantEnv } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
let karpenter: Synthesized;
beforeAll(async () => {
  const karpenterEnv = variantEnv('prod', (c) => {
    c.nodes = { autoscaler: 'karpenter' };
  });
  [test, prod, karpenter] = await Promise.all([
    synth(await exampleEnv('test')),
    synth(await exampleEnv('prod')),
    synth(karpenterEnv),
  ]);
});

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

/** Inline policy statements of the Pod Identity role bound to namespace/serviceAccount. */
function podIdentityStatements(s: Synthesized, namespace: string, serviceAccount: string): Statement[] {
  const [[, assoc]] = resourcesOf(s.template, 'AWS::EKS::PodIdentityAssociation').filter(
    ([, r]) => r.Properties?.Namespace === namespace && r.Properties?.ServiceAccount === serviceAccount,
  );
  const roleId = dig(assoc.Properties, 'RoleArn', 'Fn::GetAtt', 0) as string;
  const role = s.template.toJSON().Resources[roleId] as { Properties: { Policies?: { PolicyDocument: unknown }[] } };
  return (role.Properties.Policies ?? []).flatMap((p) => dig(p.PolicyDocument, 'Statement') as Statement[]);
}

/** Kubernetes manifests, including those joined with CloudFormation references (each reference read as "TOKEN"). */
function tokenManifests(s: Synthesized): Record<string, unknown>[] {
  return resourcesOf(s.template, 'Custom::AWSCDK-EKS-KubernetesResource').flatMap(([, r]) => {
    const m = r.Properties?.Manifest;
    const parts = dig(m, 'Fn::Join', 1) as unknown[] | undefined;
    const text = typeof m === 'string' ? m : (parts ?? []).map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('');
    return text ? (JSON.parse(text) as Record<string, unknown>[]) : [];
  });
}

describe('network policy enforcement', () => {
  it('switches on the VPC CNI network policy agent in test and prod', () => {
    for (const s of [test, prod]) {
      const [[, cni]] = resourcesOf(s.template, 'AWS::EKS::Addon').filter(
        ([, r]) => r.Properties?.AddonName === 'vpc-cni',
      );
      expect(JSON.parse(String(cni.Properties?.ConfigurationValues))).toEqual({ enableNetworkPolicy: 'true' });
    }
  });
});

describe('node hardening', () => {
  it('gives every managed node group a launch template with IMDSv2, hop limit 1, an encrypted gp3 root and no SSH key', () => {
    for (const s of [test, prod]) {
      const groups = resourcesOf(s.template, 'AWS::EKS::Nodegroup');
      expect(groups.length).toBe(2);
      const templates = new Map(resourcesOf(s.template, 'AWS::EC2::LaunchTemplate'));
      for (const [, ng] of groups) {
        expect(ng.Properties?.DiskSize).toBeUndefined();
        expect(ng.Properties?.RemoteAccess).toBeUndefined();
        const lt = templates.get(dig(ng.Properties, 'LaunchTemplate', 'Id', 'Ref') as string);
        const data = dig(lt?.Properties, 'LaunchTemplateData') as Record<string, unknown>;
        expect(dig(data, 'MetadataOptions')).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
        expect(dig(data, 'BlockDeviceMappings', 0)).toMatchObject({
          DeviceName: '/dev/xvda',
          Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 50 },
        });
        expect(data.KeyName).toBeUndefined();
      }
    }
  });
});

describe('node autoscaling', () => {
  it('runs the Cluster Autoscaler with auto-discovery by default in both presets', () => {
    for (const s of [test, prod]) {
      const ca = charts(s.template).get('cluster-autoscaler');
      expect(ca?.Version).toBe(VERSION_LOCK['1.35'].charts.clusterAutoscaler.version);
      const values = JSON.parse(String(ca?.Values));
      expect(values.autoDiscovery).toEqual({ clusterName: s.env.clusterName });
      expect(values.image.tag).toMatch(/^v1\.35\.\d+$/);
    }
  });

  it("lets the Cluster Autoscaler change only Auto Scaling groups tagged as this cluster's", () => {
    const statements = podIdentityStatements(prod, 'kube-system', 'cluster-autoscaler');
    const scaling = statements.find((st) => [st.Action].flat().includes('autoscaling:SetDesiredCapacity'));
    expect(scaling?.Condition).toEqual({
      StringEquals: { [`aws:ResourceTag/${autoscalerOwnerTag('shop-prod')}`]: 'owned' },
    });
  });

  it('builds one NodePool and EC2NodeClass per node group when Karpenter is chosen, and no Cluster Autoscaler', () => {
    expect(charts(karpenter.template).has('cluster-autoscaler')).toBe(false);
    const objects = tokenManifests(karpenter);
    const pools = objects.filter((o) => o.kind === 'NodePool');
    expect(pools.map((p) => dig(p, 'metadata', 'name')).sort()).toEqual(['on-demand', 'spot']);
    const spot = pools.find((p) => dig(p, 'metadata', 'name') === 'spot');
    expect(dig(spot, 'spec', 'template', 'spec', 'requirements')).toEqual(
      expect.arrayContaining([
        { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a', 'us-east-1b', 'us-east-1c'] },
        { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m5', 'm5a', 'm6a', 'm6i'] },
      ]),
    );
    const classes = objects.filter((o) => o.kind === 'EC2NodeClass');
    expect(classes.length).toBe(2);
    expect(dig(classes[0], 'spec', 'metadataOptions')).toMatchObject({
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
    });
  });

  it("scopes Karpenter's launches, tags and terminations to this cluster's tags", () => {
    const statements = podIdentityStatements(karpenter, 'kube-system', 'karpenter');
    const terminate = statements.find((st) => [st.Action].flat().includes('ec2:TerminateInstances'));
    expect(terminate?.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/kubernetes.io/cluster/shop-prod': 'owned' },
      StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
    });
    for (const st of statements) {
      const actions = [st.Action].flat();
      const mutates = actions.some((a) =>
        /^ec2:(Create|Run|Terminate|Delete)|^iam:(Create|Add|Remove|Delete|Tag)/.test(a),
      );
      const touchesLaunched = JSON.stringify(st.Resource).match(/instance\/|launch-template\/|instance-profile\//);
      if (mutates && touchesLaunched) expect(st.Condition, actions.join(',')).toBeDefined();
    }
  });

  it('turns on EKS Auto Mode compute when auto-mode is chosen', async () => {
    const s = await synth(variantEnv('test', (c) => (c.nodes = { autoscaler: 'auto-mode' })));
    s.template.hasResourceProperties('AWS::EKS::Cluster', {
      ComputeConfig: Match.objectLike({ Enabled: true, NodePools: ['system', 'general-purpose'] }),
    });
    expect(charts(s.template).has('cluster-autoscaler')).toBe(false);
  });
});

describe('Lambda log groups', () => {
  it('sends every Lambda function to a log group created with the environment retention', () => {
    for (const [s, days] of [
      [test, 7],
      [prod, 60],
    ] as const) {
      const groups = new Map(resourcesOf(s.template, 'AWS::Logs::LogGroup'));
      const functions = resourcesOf(s.template, 'AWS::Lambda::Function');
      expect(functions.length).toBeGreaterThan(0);
      for (const [id, fn] of functions) {
        const groupId = dig(fn.Properties, 'LoggingConfig', 'LogGroup', 'Ref') as string;
        expect(groups.get(groupId)?.Properties?.RetentionInDays, id).toBe(days);
      }
    }
  });
});

describe('Kubernetes versions', () => {
  it.each(Object.keys(VERSION_LOCK))('synthesizes the platform on Kubernetes %s', async (minor) => {
    const s = await synth(variantEnv('test', (c) => (c.kubernetesVersion = minor)));
    s.template.hasResourceProperties('AWS::EKS::Cluster', { Version: minor });
    const layers = resourcesOf(s.template, 'AWS::Lambda::LayerVersion');
    expect(layers.some(([, l]) => String(l.Properties?.Description ?? '').includes(`${minor}`))).toBe(true);
  });
});
