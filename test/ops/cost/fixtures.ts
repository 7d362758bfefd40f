import type { ContainerFacts, CostFacts, NodeGroupFacts, VolumeFacts } from '../../../src/ops/cost/facts.js';
import { costDefaults } from '../../../src/ops/cost/params.js';
import { known, unknownFact } from '../../../src/ops/facts.js';
import { ENVS } from '../../rules/helpers.js';

export const MI = 2 ** 20;
export const GI = 2 ** 30;
export const params = costDefaults(ENVS.prod);

export function container(over: Partial<ContainerFacts> = {}): ContainerFacts {
  return {
    namespace: 'shop',
    workloadKind: 'Deployment',
    workload: 'api',
    container: 'api',
    pods: 3,
    requests: { cpuMillis: 1000, memoryBytes: 2 * GI },
    limits: {},
    usage: unknownFact('usage needs the live cluster'),
    interruptible: false,
    stateful: false,
    ...over,
  };
}

export function group(over: Partial<NodeGroupFacts> = {}): NodeGroupFacts {
  return {
    name: 'on-demand',
    capacity: 'onDemand',
    instanceTypes: ['m6i.large'],
    min: 3,
    max: 10,
    nodes: 3,
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    ...over,
  };
}

export function volume(over: Partial<VolumeFacts> = {}): VolumeFacts {
  return {
    namespace: 'shop',
    claim: 'data-postgres-0',
    storageClass: 'gp3',
    volumeType: known('gp3'),
    sizeGi: 20,
    phase: 'Bound',
    mounted: known(true),
    usedGi: unknownFact('not read'),
    tags: {},
    ...over,
  };
}

export function facts(over: Partial<CostFacts> = {}): CostFacts {
  return {
    environment: 'prod',
    region: 'us-east-1',
    clusterName: 'shop-prod',
    controlPlane: { version: '1.34', support: known('standard') },
    containers: [],
    nodeGroups: [group()],
    nodes: unknownFact('nodes need the live cluster'),
    volumes: [],
    snapshots: unknownFact('snapshots need the AWS account'),
    logGroups: known([]),
    ...over,
  };
}
