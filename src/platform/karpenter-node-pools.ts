import type { NodeGroupConfig } from '../config/schema/environment.js';
import type { EnvironmentConfig } from '../config/types.js';
import { CAPACITY, nodeLabels } from './node-labels.js';

export interface NodeClassInputs {
  /** Name of the IAM role Karpenter's nodes run as. */
  readonly nodeRoleName: string;
  /** Private subnets nodes are launched in. */
  readonly subnetIds: readonly string[];
  /** Security groups of the nodes (the cluster security group). */
  readonly securityGroupIds: readonly string[];
}

/** Name of the EC2NodeClass (and NodePool) built for a node group. */
export function nodePoolName(group: Pick<NodeGroupConfig, 'name'>): string {
  return group.name;
}

/** Instance families of a node group's instance types: m6i.large → m6i. */
export function instanceFamilies(instanceTypes: readonly string[]): string[] {
  return [...new Set(instanceTypes.map((t) => t.split('.')[0]))].sort();
}

function architecture(instanceTypes: readonly string[]): string {
  return instanceTypes.every((t) => /^[a-z]+\d+g[a-z]*\./.test(t)) ? 'arm64' : 'amd64';
}

/**
 * One EC2NodeClass and one NodePool per configured node group, so Karpenter
 * launches the same kind of capacity the group describes: on-demand for the
 * on-demand floor, spot for interruptible work, in the environment's zones
 * and the group's instance families, with the group's labels. Nodes get the
 * same hardening as managed node groups: IMDSv2 with hop limit 1 and an
 * encrypted gp3 root volume.
 */
export function karpenterNodePools(env: EnvironmentConfig, inputs: NodeClassInputs): Record<string, unknown>[] {
  return env.nodes.groups.flatMap((group) => {
    const name = nodePoolName(group);
    const nodeClass = {
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name },
      spec: {
        role: inputs.nodeRoleName,
        amiSelectorTerms: [{ alias: 'al2023@latest' }],
        subnetSelectorTerms: inputs.subnetIds.map((id) => ({ id })),
        securityGroupSelectorTerms: inputs.securityGroupIds.map((id) => ({ id })),
        metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeSize: `${group.diskSizeGb}Gi`, volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
          },
        ],
        tags: { 'slipway.io/node-group': group.name },
      },
    };
    const nodePool = {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name },
      spec: {
        template: {
          metadata: { labels: nodeLabels(group) },
          spec: {
            nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name },
            requirements: [
              {
                key: 'karpenter.sh/capacity-type',
                operator: 'In',
                values: [group.capacity === 'spot' ? CAPACITY.spot : CAPACITY.onDemand],
              },
              { key: 'topology.kubernetes.io/zone', operator: 'In', values: [...env.availabilityZones] },
              {
                key: 'karpenter.k8s.aws/instance-family',
                operator: 'In',
                values: instanceFamilies(group.instanceTypes),
              },
              { key: 'kubernetes.io/arch', operator: 'In', values: [architecture(group.instanceTypes)] },
            ],
          },
        },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
      },
    };
    return [nodeClass, nodePool];
  });
}
