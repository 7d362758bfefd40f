import type { KubeObject } from '../../kube/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { parseImageRef } from '../../rules/support/image-ref.js';
import { ECR_HOST } from '../common/ecr.js';
import { remoteKeysOf } from '../common/secret-access.js';
import { type Fact, valueOr } from '../facts.js';
import { ecrFacts } from '../gather/aws-ecr.js';
import { nodeGroupFacts, podIdentityFacts } from '../gather/aws-eks.js';
import { loadBalancerFacts } from '../gather/aws-elbv2.js';
import { ebsVolumeFacts, iamRoleFacts } from '../gather/aws-identity-storage.js';
import { secretDescriptionFacts } from '../gather/aws-secrets.js';
import { boundedAll, DEFAULT_CONCURRENCY, type GatherLimits, listFact } from '../gather/kube-lists.js';
import { readPreviousLogs } from '../gather/previous-logs.js';
import { runningImages } from '../images/running.js';
import { DoctorFacts } from './facts-view.js';
import { resolveTarget } from './resolve.js';
import { DOCTOR_DEFAULTS, type DoctorInput, type DoctorTarget } from './types.js';

/** Kinds the doctor reads in the target's namespace. */
export const DOCTOR_NAMESPACED_KINDS = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Pod',
  'Event',
  'Service',
  'EndpointSlice',
  'Ingress',
  'ServiceAccount',
  'ExternalSecret',
  'SecretStore',
  'Secret',
  'PersistentVolumeClaim',
] as const;

/** Cluster-scoped kinds the doctor reads: the stores, volumes and nodes the chain reaches. */
export const DOCTOR_CLUSTER_KINDS = ['ClusterSecretStore', 'PersistentVolume', 'Node'] as const;

export interface DoctorGatherOptions extends GatherLimits {
  readonly target: DoctorTarget;
  readonly cluster?: string;
  readonly now?: string;
  /** Lines of each previous container's log; default DOCTOR_DEFAULTS.tailLines. */
  readonly tailLines?: number;
  /** The service account the External Secrets controller runs as (whose role a store without its own uses). */
  readonly controllerServiceAccount?: { readonly namespace: string; readonly name: string };
}

/** The EBS volume ids of the PersistentVolumes bound to claims in a namespace. */
function volumeIdsOf(pvs: readonly KubeObject[], namespace: string): string[] {
  return pvs.flatMap((pv) => {
    const spec = (pv.spec ?? {}) as {
      csi?: { volumeHandle?: string };
      awsElasticBlockStore?: { volumeID?: string };
      claimRef?: { namespace?: string };
    };
    if (spec.claimRef?.namespace !== namespace) return [];
    const id = spec.csi?.volumeHandle ?? spec.awsElasticBlockStore?.volumeID?.split('/').pop();
    return id?.startsWith('vol-') ? [id] : [];
  });
}

/**
 * Reads what `doctor` needs for one target: every kind of the chain in the
 * target's namespace and the cluster-scoped ones, then the previous log of
 * the target's crashed containers, and from AWS the ECR images and findings
 * of its pods, DescribeSecret of the namespace's remote keys, the Pod
 * Identity associations and their roles, the EBS volumes behind the PVs,
 * the node groups' sizes and the ALBs of the namespace's Ingresses with
 * their target health. Every part is a Fact.
 */
export async function gatherDoctor(conn: LiveConnection, options: DoctorGatherOptions): Promise<DoctorInput> {
  const ns = options.target.namespace;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const tasks: Record<string, () => Promise<Fact<readonly KubeObject[]>>> = {};
  for (const kind of DOCTOR_NAMESPACED_KINDS) tasks[kind] = () => listFact(conn.kube, kind, ns, options);
  for (const kind of DOCTOR_CLUSTER_KINDS) tasks[kind] = () => listFact(conn.kube, kind, undefined, options);
  const kube = await boundedAll<Record<string, Fact<readonly KubeObject[]>>>(tasks, concurrency);
  const now = options.now ?? new Date().toISOString();
  const base: DoctorInput = {
    now,
    ...(options.cluster ? { cluster: options.cluster } : {}),
    target: options.target,
    kube,
    previousLogs: {},
    aws: {},
  };
  const resolved = resolveTarget(new DoctorFacts(base));
  const pods = resolved.pods;
  const podsFact: Fact<readonly KubeObject[]> = { state: 'read', value: pods };
  const registries = [...new Set([...runningImages(pods).keys()].map((i) => parseImageRef(i).registry))].filter((r) =>
    ECR_HOST.test(r),
  );
  const controller = options.controllerServiceAccount ?? DOCTOR_DEFAULTS.controllerServiceAccount;
  const [previousLogs, ecr, secretsManager, podIdentityAssociations, ebsVolumes, nodeGroups, loadBalancers] =
    await Promise.all([
      readPreviousLogs(conn.kube, pods, {
        tailLines: options.tailLines ?? DOCTOR_DEFAULTS.tailLines,
        allRestarted: false,
        concurrency,
      }),
      ecrFacts(conn.aws, podsFact, registries, concurrency),
      secretDescriptionFacts(conn.aws, valueOr(kube.ExternalSecret, []).flatMap(remoteKeysOf), concurrency),
      podIdentityFacts(conn.aws, options.cluster),
      ebsVolumeFacts(conn.aws, volumeIdsOf(valueOr(kube.PersistentVolume, []), ns)),
      nodeGroupFacts(conn.aws, options.cluster),
      loadBalancerFacts(conn.aws, options.cluster, valueOr(kube.Ingress, []), concurrency),
    ]);
  const roleArns = valueOr(podIdentityAssociations, [])
    .filter((a) => a.namespace === ns || (a.namespace === controller.namespace && a.serviceAccount === controller.name))
    .map((a) => a.roleArn);
  const iamRoles =
    podIdentityAssociations.state === 'read'
      ? await iamRoleFacts(conn.aws, roleArns, concurrency)
      : podIdentityAssociations;
  return {
    ...base,
    previousLogs,
    aws: { ecr, secretsManager, podIdentityAssociations, iamRoles, ebsVolumes, nodeGroups, loadBalancers },
  };
}
