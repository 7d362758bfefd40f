import type { ValuePath } from '../util/paths.js';
import { PROD_REQUIREMENTS } from './presets.js';
import type { EnvironmentSettings, WaivableCheck } from './schema/file.js';

/** A production-floor check that failed, in settings terms. */
export interface FloorViolation {
  readonly check: WaivableCheck;
  /** Settings path that holds the offending value. */
  readonly path: ValuePath;
  readonly received: unknown;
  readonly message: string;
}

/**
 * The floor every prod-preset environment stands on: the production column of
 * the test-vs-production table.
 */
export function checkProductionFloor(s: EnvironmentSettings): FloorViolation[] {
  const out: FloorViolation[] = [];
  const zones = s.network.availabilityZones?.length ?? s.network.azCount;
  if (zones < PROD_REQUIREMENTS.minAvailabilityZones) {
    out.push({
      check: 'min-availability-zones',
      path: s.network.availabilityZones ? ['network', 'availabilityZones'] : ['network', 'azCount'],
      received: zones,
      message: `production spans at least ${PROD_REQUIREMENTS.minAvailabilityZones} availability zones so it survives a zone outage`,
    });
  }
  const minNodes = s.nodes.groups.reduce((n, g) => n + g.min, 0);
  if (minNodes < PROD_REQUIREMENTS.minNodes) {
    out.push({
      check: 'min-nodes',
      path: ['nodes', 'groups'],
      received: minNodes,
      message: `production keeps at least ${PROD_REQUIREMENTS.minNodes} nodes at minimum across its node groups (sum of min)`,
    });
  }
  if (!s.nodes.groups.some((g) => g.capacity === 'onDemand' && g.min > 0)) {
    out.push({
      check: 'on-demand-capacity',
      path: ['nodes', 'groups'],
      received: s.nodes.groups.map((g) => `${g.name}:${g.capacity}:min=${g.min}`),
      message: 'production needs an onDemand node group with min >= 1 for stateful and critical workloads',
    });
  }
  const { min, max } = PROD_REQUIREMENTS.logRetentionDays;
  if (s.logs.retentionDays < min || s.logs.retentionDays > max) {
    out.push({
      check: 'log-retention',
      path: ['logs', 'retentionDays'],
      received: s.logs.retentionDays,
      message: `production keeps logs ${min}-${max} days`,
    });
  }
  if (!s.alarms.enabled || !s.components.observability) {
    out.push({
      check: 'alarms',
      path: s.components.observability ? ['alarms', 'enabled'] : ['components', 'observability'],
      received: false,
      message: 'production requires CloudWatch alarms (alarms.enabled and components.observability)',
    });
  }
  if (s.alarms.enabled && s.components.observability && s.alarms.email.length === 0 && !s.alarms.snsTopicArn) {
    out.push({
      check: 'alarm-recipient',
      path: ['alarms', 'email'],
      received: [],
      message:
        'production alarms must reach a person: list alarms.email addresses or give alarms.snsTopicArn (a topic with your chat or paging integration)',
    });
  }
  const { endpointAccess, publicAccessCidrs } = s.cluster;
  const open = publicAccessCidrs.filter((c) => PROD_REQUIREMENTS.openCidrs.includes(c));
  if (endpointAccess === 'publicAndPrivate' && (publicAccessCidrs.length === 0 || open.length > 0)) {
    out.push({
      check: 'public-endpoint-cidrs',
      path: ['cluster', 'publicAccessCidrs'],
      received: publicAccessCidrs,
      message:
        'a public API endpoint in production is opened only to listed CIDRs (none, or 0.0.0.0/0, means the whole internet); list the office or VPN ranges in cluster.publicAccessCidrs, or use endpointAccess: private',
    });
  }
  if (s.backup.schedule !== 'daily' || !s.components.backup) {
    out.push({
      check: 'daily-backup',
      path: s.components.backup ? ['backup', 'schedule'] : ['components', 'backup'],
      received: s.components.backup ? s.backup.schedule : false,
      message: 'production takes automated daily EBS snapshots (backup.schedule: daily)',
    });
  }
  return out;
}
