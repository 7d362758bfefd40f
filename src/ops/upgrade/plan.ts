import { type VersionLock, versionsFor } from '../../versions/lock.js';
import { unreadParts } from '../common/unread.js';
import { type Fact, unknownFact, unknownParts } from '../facts.js';
import { sortProblems } from '../problems.js';
import { awsUpgradeProblems } from './aws-checks.js';
import {
  apiFindings,
  apiProblems,
  clusterProblems,
  drainProblems,
  UPGRADE_DEFAULTS,
  type UpgradeParams,
} from './checks.js';
import type { UpgradeFacts } from './facts.js';
import { upgradeTarget } from './target.js';
import type { PlanAction, PlanPhase, SynthChange, UpgradePlan, VersionChange } from './types.js';

export interface PlanOptions {
  /** Target minor; default the next one. */
  readonly to?: string;
  readonly params?: UpgradeParams;
  /** Whether an npm package is installed where synth runs; the kubectl layer of the target must be. */
  readonly isInstalled?: (pkg: string) => boolean;
  /** The properties a synth at the target changes (see synthChanges); not computed when absent. */
  readonly synthChanges?: Fact<readonly SynthChange[]>;
}

type ChartName = keyof VersionLock['charts'];

function versionChanges(facts: UpgradeFacts, from: VersionLock, to: VersionLock): VersionChange[] {
  const out: VersionChange[] = [];
  for (const name of facts.addons) {
    const a = from.addons[name as keyof VersionLock['addons']];
    const b = to.addons[name as keyof VersionLock['addons']];
    if (a !== undefined && b !== undefined) out.push({ component: name, type: 'addon', from: a, to: b });
  }
  for (const name of facts.charts) {
    const a = from.charts[name as ChartName];
    const b = to.charts[name as ChartName];
    if (!a || !b) continue;
    const tag = (c: typeof a) => ('imageTag' in c ? ` (image ${c.imageTag})` : '');
    out.push({ component: name, type: 'chart', from: `${a.version}${tag(a)}`, to: `${b.version}${tag(b)}` });
  }
  out.push({
    component: 'kubectl layer',
    type: 'kubectl-layer',
    from: from.kubectlLayer.package,
    to: to.kubectlLayer.package,
  });
  return out;
}

function phases(facts: UpgradeFacts, to: string, lock: VersionLock, blockers: number): PlanPhase[] {
  const c = facts.clusterName;
  const r = facts.region;
  const e = facts.environment;
  const prepare: PlanAction[] = [];
  if (blockers > 0)
    prepare.push({ what: `Fix the ${blockers} blocker(s) listed above; the plan is not safe until they are gone` });
  prepare.push(
    { what: 'Check the configuration against the checklist', command: `slipway verify --env ${e}` },
    {
      what: `Read the kubelet versions: none may be more than 3 minors behind ${to}`,
      command: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,KUBELET:.status.nodeInfo.kubeletVersion',
    },
    { what: 'Read the PDBs: ALLOWED DISRUPTIONS 0 stops a node drain', command: 'kubectl get pdb -A' },
    {
      what: 'Read the free IPs of the control-plane subnets: at least 5 in each',
      command: `aws ec2 describe-subnets --region ${r} --subnet-ids $(aws eks describe-cluster --name ${c} --region ${r} --query 'cluster.resourcesVpcConfig.subnetIds' --output text) --query 'Subnets[].[SubnetId,AvailableIpAddressCount]'`,
    },
    { what: 'Have a recent backup of every volume', command: `slipway dr --env ${e}` },
    {
      what: `Set kubernetesVersion: "${to}" for environment ${e} in slipway.config.yaml and review the change`,
      command: `slipway synth --env ${e} && slipway diff --env ${e}`,
    },
  );
  const controlPlane: PlanAction[] = [
    {
      what: `Upgrade the control plane of ${c} to ${to} (slipway deploy --env ${e} does this first, then the add-ons and node groups)`,
      command: `aws eks update-cluster-version --name ${c} --kubernetes-version ${to} --region ${r}`,
    },
    {
      what: 'Wait until the cluster is active again',
      command: `aws eks wait cluster-active --name ${c} --region ${r}`,
    },
  ];
  const addons: PlanAction[] = [];
  for (const name of facts.addons) {
    const v = lock.addons[name as keyof VersionLock['addons']];
    if (!v) continue;
    addons.push({
      what: `${name} → ${v}`,
      command: `aws eks update-addon --cluster-name ${c} --addon-name ${name} --addon-version ${v} --resolve-conflicts PRESERVE --region ${r}`,
    });
  }
  for (const name of facts.charts) {
    const chart = lock.charts[name as ChartName];
    if (chart)
      addons.push({ what: `Helm chart ${chart.chart} → ${chart.version} (applied by slipway deploy --env ${e})` });
  }
  const nodeGroups: PlanAction[] = facts.nodeGroups.flatMap((g) => {
    const ng = `${c}-${g}`.slice(0, 63);
    return [
      {
        what: `Roll node group ${ng} to ${to} (drains each node; PDBs decide the pace)`,
        command: `aws eks update-nodegroup-version --cluster-name ${c} --nodegroup-name ${ng} --kubernetes-version ${to} --region ${r}`,
      },
      {
        what: `Wait for ${ng}`,
        command: `aws eks wait nodegroup-active --cluster-name ${c} --nodegroup-name ${ng} --region ${r}`,
      },
    ];
  });
  const verify: PlanAction[] = [
    { what: `Every node reports kubelet v${to}`, command: 'kubectl get nodes -L slipway.io/node-group' },
    {
      what: 'No pod is stuck',
      command: 'kubectl get pods -A --field-selector=status.phase!=Running,status.phase!=Succeeded',
    },
    { what: 'The live cluster passes the checklist', command: `slipway verify --env ${e} --live` },
  ];
  return [
    { name: 'prepare', actions: prepare },
    { name: 'control plane', actions: controlPlane },
    { name: 'add-ons', actions: addons },
    { name: 'node groups', actions: nodeGroups },
    { name: 'verify', actions: verify },
  ];
}

/**
 * The plan for one minor: what blocks it (removed APIs, PDBs that stop
 * drains, kubelet skew, control-plane subnets without free IPs), what to do
 * first (deprecated APIs, single replicas), the lock's versions for the
 * target, and the ordered playbook with the environment's names.
 */
export function planUpgrade(facts: UpgradeFacts, opts: PlanOptions = {}): UpgradePlan {
  const to = upgradeTarget(facts.current, opts.to);
  const p = opts.params ?? UPGRADE_DEFAULTS;
  const fromLock = versionsFor(facts.current);
  const toLock = versionsFor(to);
  const apis = apiFindings(facts, to);
  const missingFromLock: string[] = [];
  const awsOnly = 'need the AWS account';
  const unknown: Record<string, string> = unknownParts({
    kubelets: facts.kubelets,
    controlPlaneSubnets: facts.controlPlaneSubnets,
    addonVersions:
      facts.addonVersions ?? unknownFact(`add-on versions for the target ${awsOnly} (EKS DescribeAddonVersions)`),
    insights: facts.insights ?? unknownFact(`upgrade insights ${awsOnly} (EKS ListInsights)`),
    ...(opts.synthChanges ? { synthChanges: opts.synthChanges } : {}),
  });
  if (facts.clusterVersion?.state === 'unknown') {
    unknown.clusterVersion = `${facts.clusterVersion.reason}; the config's ${facts.current} is assumed`;
  }
  Object.assign(unknown, unreadParts(facts.unread ?? {}));
  if (opts.isInstalled) {
    if (!opts.isInstalled(toLock.kubectlLayer.package)) {
      missingFromLock.push(
        `${toLock.kubectlLayer.package} (npm i ${toLock.kubectlLayer.package}): synth needs it for ${to}`,
      );
    }
  } else {
    unknown.kubectlLayer = `whether ${toLock.kubectlLayer.package} is installed was not checked`;
  }
  const autoscaler = toLock.charts.clusterAutoscaler.imageTag;
  if (facts.charts.includes('clusterAutoscaler') && !autoscaler.startsWith(`v${to}.`)) {
    missingFromLock.push(`a Cluster Autoscaler release for ${to} (the lock names ${autoscaler})`);
  }
  const problems = sortProblems([
    ...apiProblems(apis, to),
    ...drainProblems(facts),
    ...clusterProblems(facts, to, p),
    ...awsUpgradeProblems(facts, to, toLock),
    ...missingFromLock.map((m) => ({
      severity: 'critical' as const,
      code: 'upgrade.missing-from-lock',
      object: { kind: 'VersionLock', name: to },
      what: `missing: ${m}`,
      next: 'complete src/versions/lock.ts and the installed packages before synthesizing',
      source: 'joined' as const,
    })),
  ]);
  const blockers = problems.filter((x) => x.severity === 'critical').length;
  return {
    environment: facts.environment,
    clusterName: facts.clusterName,
    region: facts.region,
    from: facts.current,
    to,
    apis,
    versions: versionChanges(facts, fromLock, toLock),
    missingFromLock,
    synthChanges:
      opts.synthChanges ??
      unknownFact('not computed: the platform is synthesized for both minors only in static mode without -f'),
    problems,
    blockers,
    phases: phases(facts, to, toLock, blockers),
    unknown,
  };
}
