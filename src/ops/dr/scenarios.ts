import type { VolumeCoverage } from './coverage.js';
import type { DrFacts } from './facts.js';

export interface Step {
  readonly what: string;
  readonly command?: string;
}

export interface Scenario {
  readonly id: 'volume-lost' | 'zone-lost' | 'node-group-lost' | 'cluster-lost' | 'secret-deleted' | 'region-lost';
  readonly title: string;
  readonly steps: readonly Step[];
  /** What this environment lacks for the scenario (no image replication, volumes without backups, …). */
  readonly gaps: readonly string[];
}

function volumeLost(f: DrFacts, coverage: readonly VolumeCoverage[], vault: string): Scenario {
  const r = f.region;
  const v = coverage.find((c) => c.status === 'covered') ?? coverage[0];
  const ns = v?.namespace ?? '<namespace>';
  const claim = v?.claim ?? '<claim>';
  const sts = v?.statefulSet ?? '<statefulset>';
  return {
    id: 'volume-lost',
    title: `A volume is lost or corrupt (for example ${ns}/${claim})`,
    steps: [
      { what: 'Stop the pods that write to it', command: `kubectl scale statefulset/${sts} -n ${ns} --replicas=0` },
      {
        what: 'Find the volume behind the claim',
        command: `kubectl get pv $(kubectl get pvc ${claim} -n ${ns} -o jsonpath='{.spec.volumeName}') -o jsonpath='{.spec.csi.volumeHandle}'`,
      },
      {
        what: `List its recovery points in the vault ${vault}, newest first`,
        command: `aws backup list-recovery-points-by-backup-vault --backup-vault-name ${vault} --by-resource-type EBS --region ${r}`,
      },
      {
        what: 'Restore the chosen point into the zone of the pod (the restore creates a new volume)',
        command: `aws backup start-restore-job --recovery-point-arn <arn> --iam-role-arn <backup-role-arn> --metadata availabilityZone=<zone>,volumeType=gp3 --region ${r}`,
      },
      {
        what: 'Wait for the restore job',
        command: `aws backup describe-restore-job --restore-job-id <id> --region ${r}`,
      },
      {
        what: `Point the claim at the new volume: delete ${claim}, create a PersistentVolume with csi.volumeHandle set to the new volume id and claimRef ${ns}/${claim}, and re-create the claim`,
      },
      {
        what: 'Start the pods and check the data',
        command: `kubectl scale statefulset/${sts} -n ${ns} --replicas=<replicas> && kubectl rollout status statefulset/${sts} -n ${ns}`,
      },
    ],
    gaps: coverage
      .filter((c) => c.status !== 'covered')
      .map((c) => `${c.namespace}/${c.claim} has no backup (${c.status})`),
  };
}

function copyRegions(f: DrFacts): string[] {
  return f.plans.state === 'read' ? [...new Set(f.plans.value.flatMap((p) => p.copyRegions))].sort() : [];
}

/** The restore scenarios of an environment, each an ordered list of steps with its names and commands. */
export function scenarios(f: DrFacts, coverage: readonly VolumeCoverage[], vault: string): Scenario[] {
  const c = f.clusterName;
  const r = f.region;
  const e = f.environment;
  const sync =
    f.gitops.tool === 'flux'
      ? 'flux reconcile kustomization --all -n flux-system'
      : `argocd app sync ${f.project}-gitops-root && argocd app wait ${f.project}-gitops-root --health`;
  const secret = f.secrets[0];
  return [
    volumeLost(f, coverage, vault),
    {
      id: 'zone-lost',
      title: 'An availability zone is lost',
      steps: [
        {
          what: 'See which nodes and pods were in the zone',
          command: 'kubectl get nodes -L topology.kubernetes.io/zone',
        },
        { what: 'Keep new pods out of the zone', command: 'kubectl cordon -l topology.kubernetes.io/zone=<zone>' },
        {
          what: 'Stateless pods reschedule in the other zones; check nothing is Pending',
          command: 'kubectl get pods -A --field-selector=status.phase=Pending',
        },
        {
          what: 'EBS volumes are zonal: restore the lost zone’s volumes into a surviving zone (scenario "volume lost", availabilityZone of a surviving zone)',
        },
        {
          what: `Zones in use: ${f.zones.join(', ')}; the node groups span them all, so the autoscaler adds nodes in the others`,
        },
      ],
      gaps: f.zones.length < 3 ? [`only ${f.zones.length} zones: losing one halves capacity`] : [],
    },
    {
      id: 'node-group-lost',
      title: 'A node group is lost',
      steps: [
        ...f.nodeGroups.map((g) => ({
          what: `Check node group ${c}-${g}`,
          command: `aws eks describe-nodegroup --cluster-name ${c} --nodegroup-name ${c}-${g} --region ${r} --query nodegroup.health`,
        })),
        {
          what: 'Re-create what is missing from the config (CloudFormation puts the node groups back)',
          command: `slipway deploy --env ${e}`,
        },
        { what: 'Pods reschedule once the nodes are Ready', command: 'kubectl get nodes -L slipway.io/node-group -w' },
      ],
      gaps: f.nodeGroups.length < 2 ? ['one node group: while it is gone nothing runs'] : [],
    },
    {
      id: 'cluster-lost',
      title: 'The cluster is lost',
      steps: [
        { what: 'Rebuild the platform from the config', command: `slipway deploy --env ${e}` },
        { what: 'Connect to the new cluster', command: `aws eks update-kubeconfig --name ${c} --region ${r}` },
        {
          what: `Let GitOps re-create the apps from ${f.gitops.repoURL ?? 'the deploy repository (gitops.repoURL is not set)'}`,
          command: sync,
        },
        { what: 'Restore every volume from its latest recovery point (scenario "volume lost", one claim at a time)' },
        { what: 'Check the environment', command: `slipway verify --env ${e} --live` },
      ],
      gaps: [
        ...(f.gitops.repoURL ? [] : ['gitops.repoURL is not set: the apps must be applied by hand from slipway synth']),
        ...coverage
          .filter((v) => v.status !== 'covered')
          .map((v) => `${v.namespace}/${v.claim} cannot be restored (${v.status})`),
      ],
    },
    {
      id: 'secret-deleted',
      title: 'A secret is deleted in Secrets Manager',
      steps: [
        {
          what: 'Within its recovery window (7 to 30 days, 30 by default) a deleted secret can be restored',
          command: `aws secretsmanager restore-secret --secret-id ${secret?.key ?? `${f.secretsPath}/<name>`} --region ${r}`,
        },
        {
          what: 'Make External Secrets read it again now',
          command: secret
            ? `kubectl annotate externalsecret ${secret.externalSecret} -n ${secret.namespace} force-sync=$(date +%s) --overwrite`
            : 'kubectl annotate externalsecret <name> -n <namespace> force-sync=$(date +%s) --overwrite',
        },
        { what: 'Past the window, create it again under the same name and rotate what it protected' },
      ],
      gaps: [],
    },
    {
      id: 'region-lost',
      title: `The region ${r} is lost`,
      steps: [
        {
          what: 'Add an environment in a surviving region to slipway.config.yaml (same apps, region: <other>) and deploy it',
          command: 'slipway deploy --env <new-environment>',
        },
        {
          what: f.imageReplicationRegions.length
            ? `Images are replicated to ${f.imageReplicationRegions.join(', ')}: point the new environment at that registry`
            : 'Images exist only in this region: rebuild and push them to the new region',
        },
        {
          what: 'Restore volumes from recovery points copied to the other region',
          command: `aws backup list-recovery-points-by-backup-vault --backup-vault-name ${vault} --region ${copyRegions(f)[0] ?? '<other>'}`,
        },
        { what: 'Move DNS to the new environment’s load balancer' },
      ],
      gaps: [
        ...(f.imageReplicationRegions.length
          ? []
          : ['registry.replicationRegions is empty: no image copies elsewhere']),
        ...(copyRegions(f).length
          ? []
          : ['no backup plan copies recovery points to another region: volumes cannot be restored there']),
      ],
    },
  ];
}
