/**
 * Bench only: an EKS Blueprints for CDK app with what one Slipway environment of
 * examples/shop (prod) holds, synthesized offline to the folder given as the
 * first argument. bench/blueprints-compare.ts times this process.
 *
 *   node bench/blueprints/stack.mjs <outdir>
 *
 * Contents: a VPC over 3 zones (public and private subnets, a NAT gateway per
 * zone), EKS 1.35 with an on-demand managed node group (3–6 nodes) and a spot one
 * (0–10 nodes) over the private subnets of every zone, the EKS add-ons VPC CNI,
 * CoreDNS, kube-proxy, Pod Identity agent, EBS CSI driver and CloudWatch
 * Observability (Container Insights with Fluent Bit), the Helm add-ons AWS Load
 * Balancer Controller, External Secrets, Cluster Autoscaler, KEDA and Metrics
 * Server, and five ECR repositories. The add-on versions are the ones Slipway's
 * lock holds for 1.35, so no add-on version is looked up in EKS.
 *
 * By default it synthesizes as `cdk synth` would (assets staged into the
 * assembly, tree.json written); `--same-settings` synthesizes as `slipway synth`
 * does (asset staging off, no tree.json).
 *
 * Offline: account and region are given, the zones come from cdk.context.json
 * (as the CDK CLI would pass them), and the run fails if the assembly still asks
 * for a context lookup.
 */
import { readFileSync } from 'node:fs';
import * as blueprints from '@aws-quickstart/eks-blueprints';
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as eks from 'aws-cdk-lib/aws-eks';

const args = process.argv.slice(2);
const outdir = args.find((a) => !a.startsWith('--'));
if (!outdir) {
  console.error('usage: node bench/blueprints/stack.mjs <outdir> [--same-settings]');
  process.exit(1);
}
// --same-settings: synthesize the way `slipway synth` does (assets not staged, no tree.json).
const sameSettings = args.includes('--same-settings');
const account = '123456789012';
const region = 'us-east-1';
const context = JSON.parse(readFileSync(new URL('./cdk.context.json', import.meta.url), 'utf8'));

const app = new cdk.App({
  outdir,
  analyticsReporting: false,
  ...(sameSettings ? { treeMetadata: false } : {}),
  context: sameSettings ? { ...context, 'aws:cdk:disable-asset-staging': true } : context,
});

const nodeGroups = [
  {
    id: 'on-demand',
    nodeGroupCapacityType: eks.CapacityType.ON_DEMAND,
    instanceTypes: [new ec2.InstanceType('m6i.large')],
    minSize: 3,
    desiredSize: 3,
    maxSize: 6,
  },
  {
    id: 'spot',
    nodeGroupCapacityType: eks.CapacityType.SPOT,
    instanceTypes: ['m6i.large', 'm5.large', 'm6a.large'].map((t) => new ec2.InstanceType(t)),
    minSize: 0,
    desiredSize: 2,
    maxSize: 10,
  },
];

const stack = await blueprints.EksBlueprint.builder()
  .account(account)
  .region(region)
  .version(eks.KubernetesVersion.V1_35)
  .resourceProvider(
    blueprints.GlobalResources.Vpc,
    new blueprints.VpcProvider(undefined, { maxAzs: 3, natGateways: 3 }),
  )
  .clusterProvider(
    new blueprints.GenericClusterProvider({ version: eks.KubernetesVersion.V1_35, managedNodeGroups: nodeGroups }),
  )
  .addOns(
    new blueprints.addons.VpcCniAddOn({ version: 'v1.21.1-eksbuild.1' }),
    new blueprints.addons.CoreDnsAddOn('v1.13.2-eksbuild.4'),
    new blueprints.addons.KubeProxyAddOn('v1.35.3-eksbuild.13'),
    new blueprints.addons.EksPodIdentityAgentAddOn('v1.3.8-eksbuild.2'),
    new blueprints.addons.EbsCsiDriverAddOn({ version: 'v1.59.0-eksbuild.1' }),
    new blueprints.addons.CloudWatchInsights({ version: 'v4.4.0-eksbuild.1' }),
    new blueprints.addons.AwsLoadBalancerControllerAddOn(),
    new blueprints.addons.ExternalsSecretsAddOn(),
    new blueprints.addons.ClusterAutoScalerAddOn(),
    new blueprints.addons.KedaAddOn(),
    new blueprints.addons.MetricsServerAddOn(),
  )
  .buildAsync(app, 'shop-prod-blueprint');

for (const name of ['frontend', 'api', 'worker', 'daily-report', 'base-images']) {
  new ecr.Repository(stack, `Repository-${name}`, {
    repositoryName: `shop/${name}`,
    imageTagMutability: ecr.TagMutability.IMMUTABLE,
    imageScanOnPush: true,
  });
}

const assembly = app.synth();
const missing = assembly.manifest.missing ?? [];
if (missing.length > 0) {
  console.error(`the Blueprints app asked for context lookups: ${missing.map((m) => m.key).join(', ')}`);
  process.exit(1);
}
const template = assembly.getStackByName(stack.stackName).template;
console.log(JSON.stringify({ stack: stack.stackName, resources: Object.keys(template.Resources ?? {}).length }));
