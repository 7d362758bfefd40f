import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import { annotationOf, PLATFORM_NAMESPACES, SYSTEM_NAMESPACES } from '../../inventory/workload-facts.js';
import { cfnText } from '../../rules/support/iam.js';
import { logGroupFacts } from '../cost/static-facts.js';
import { drReport } from '../dr/report.js';
import { staticDrFacts } from '../dr/static-facts.js';
import { known } from '../facts.js';
import { planUpgrade } from '../upgrade/plan.js';
import { staticUpgradeFacts } from '../upgrade/static-facts.js';
import type { RunbookApp, RunbookFacts, RunbookSecret } from './facts.js';

const SKIP_NS = new Set([...SYSTEM_NAMESPACES, ...PLATFORM_NAMESPACES]);
const RUNBOOK_ANNOTATIONS = ['slipway.io/runbook', 'a8r.io/runbook', 'runbook.url'];

/** The workloads of the inventory outside the system and platform namespaces, sorted, as the pages name them. */
export function runbookApps(inv: Inventory): RunbookApp[] {
  const out: RunbookApp[] = [];
  for (const w of inv.workloads()) {
    if (w.kind === 'Pod' || SKIP_NS.has(w.namespace)) continue;
    const scaler = [...inv.hpasFor(w), ...inv.scaledObjectsFor(w)][0];
    const spec = (scaler?.object.spec ?? {}) as {
      minReplicas?: number;
      maxReplicas?: number;
      minReplicaCount?: number;
      maxReplicaCount?: number;
    };
    const min = spec.minReplicas ?? spec.minReplicaCount;
    const max = spec.maxReplicas ?? spec.maxReplicaCount;
    const annotation = annotationOf(w, RUNBOOK_ANNOTATIONS)?.value;
    const matchLabels = (w.resource.object.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)
      ?.selector?.matchLabels;
    const labels = matchLabels && Object.keys(matchLabels).length ? matchLabels : w.podLabels;
    out.push({
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      ...(w.replicas === undefined ? {} : { replicas: w.replicas }),
      containers: (w.template.spec?.containers ?? []).map((c) => c.name),
      selector: Object.entries(labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      ...(scaler
        ? {
            scaledBy: {
              kind: scaler.object.kind,
              name: scaler.object.metadata.name,
              ...(min === undefined ? {} : { min }),
              ...(max === undefined ? {} : { max }),
            },
          }
        : {}),
      ...(annotation ? { annotation } : {}),
    });
  }
  return out.sort((a, b) => `${a.namespace}/${a.name}/${a.kind}`.localeCompare(`${b.namespace}/${b.name}/${b.kind}`));
}

/** Every ExternalSecret with its target, store and remote keys, sorted. */
export function runbookSecrets(inv: Inventory): RunbookSecret[] {
  return inv
    .kube('ExternalSecret')
    .map((es) => {
      const spec = (es.object.spec ?? {}) as {
        refreshInterval?: string;
        secretStoreRef?: { kind?: string; name?: string };
        target?: { name?: string };
        data?: { remoteRef?: { key?: string } }[];
        dataFrom?: { extract?: { key?: string } }[];
      };
      const keys = [
        ...(spec.data ?? []).map((d) => d.remoteRef?.key),
        ...(spec.dataFrom ?? []).map((d) => d.extract?.key),
      ].filter((k): k is string => Boolean(k));
      return {
        namespace: es.object.metadata.namespace ?? 'default',
        name: es.object.metadata.name,
        target: spec.target?.name ?? es.object.metadata.name,
        store: `${spec.secretStoreRef?.kind ?? 'SecretStore'} ${spec.secretStoreRef?.name ?? '?'}`,
        keys: [...new Set(keys)].sort(),
        ...(spec.refreshInterval ? { refreshInterval: spec.refreshInterval } : {}),
      };
    })
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

function reason(e: unknown): string {
  return e instanceof Error && e.name === 'UsageError' ? e.message : `could not be written: ${String(e)}`;
}

/** Runbook facts from the config and the objects (synthesized or files). */
export function staticRunbookFacts(env: EnvironmentConfig, inv: Inventory): RunbookFacts {
  let dr: RunbookFacts['dr'];
  try {
    dr = drReport(staticDrFacts(env, inv));
  } catch (e) {
    dr = { unavailable: reason(e) };
  }
  let upgrade: RunbookFacts['upgrade'];
  try {
    upgrade = planUpgrade(staticUpgradeFacts(env, inv));
  } catch (e) {
    upgrade = { unavailable: reason(e) };
  }
  return {
    environment: env.name,
    clusterName: env.clusterName,
    region: env.region,
    source: 'config',
    apps: known(runbookApps(inv)),
    secrets: known(runbookSecrets(inv)),
    logGroups: known(
      logGroupFacts(inv).map((g) => ({
        name: g.name,
        ...(g.retentionDays === undefined ? {} : { retentionDays: g.retentionDays }),
      })),
    ),
    nodeGroups: known(
      env.nodes.groups.map((g) => ({
        name: g.name,
        capacity: g.capacity,
        min: g.min,
        max: g.max,
        instanceTypes: g.instanceTypes,
      })),
    ),
    alarms: known(
      inv
        .aws('AWS::CloudWatch::Alarm')
        .map((a) => {
          const threshold = a.properties.Threshold;
          const description = cfnText(a.properties.AlarmDescription);
          const metric = cfnText(a.properties.MetricName);
          return {
            name: cfnText(a.properties.AlarmName) ?? a.id,
            ...(description ? { description } : {}),
            ...(metric ? { metric } : {}),
            ...(typeof threshold === 'number' ? { threshold } : {}),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    ),
    dr,
    upgrade,
  };
}
