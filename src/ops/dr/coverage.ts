import type { VolumeFacts } from '../cost/facts.js';
import type { OpsProblem } from '../problems.js';
import type { BackupPlanFacts, DrFacts } from './facts.js';

export interface VolumeCoverage {
  readonly namespace: string;
  readonly claim: string;
  readonly statefulSet?: string;
  readonly sizeGi: number;
  readonly storageClass?: string;
  readonly status: 'covered' | 'not covered' | 'unknown';
  /** Plans whose selection matches the volume's tags. */
  readonly plans: readonly { readonly name: string; readonly schedule: string; readonly retention: string }[];
  readonly why: string;
  readonly latestRecoveryPointAgeHours?: number;
  readonly lastRestoreJob?: { readonly status: string; readonly ageDays: number };
  /** Whether the account's recovery points were read (a covered volume without one then has none). */
  readonly recoveryRead?: boolean;
}

function matches(tags: Readonly<Record<string, string>>, selection: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(selection);
  return keys.length > 0 && keys.every((k) => tags[k] === selection[k]);
}

function glob(pattern: string, text: string): boolean {
  const escaped = pattern.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(text);
}

/**
 * Whether a selection's resource ARN (or pattern with `*`) names this EBS
 * volume: service ec2 and resource `volume/<id>`; the region and account are
 * the plan's own, so they are not compared.
 */
export function namesVolume(pattern: string, volumeId: string | undefined): boolean {
  if (!volumeId) return false;
  if (pattern === '*') return true;
  const parts = pattern.split(':');
  if (parts.length < 6 || !glob(parts[2], 'ec2')) return false;
  return glob(parts.slice(5).join(':'), `volume/${volumeId}`);
}

function retention(p: BackupPlanFacts): string {
  if (p.retentionDays !== undefined) return `${p.retentionDays} days`;
  if (p.retainCount !== undefined) return `${p.retainCount} snapshots`;
  return 'not set';
}

function tagText(tags: Readonly<Record<string, string>>): string {
  const list = Object.entries(tags).map(([k, v]) => `${k}=${v}`);
  return list.length ? list.join(', ') : 'no tags';
}

/** Each volume against the plans: covered by which (schedule, retention), or not and why. */
export function volumeCoverage(facts: DrFacts): VolumeCoverage[] {
  return facts.volumes.map((v: VolumeFacts) => {
    const base = {
      namespace: v.namespace,
      claim: v.claim,
      ...(v.statefulSet ? { statefulSet: v.statefulSet } : {}),
      sizeGi: v.sizeGi,
      ...(v.storageClass ? { storageClass: v.storageClass } : {}),
    };
    if (facts.plans.state === 'unknown') {
      return { ...base, status: 'unknown' as const, plans: [], why: facts.plans.reason };
    }
    const plans = facts.plans.value
      .filter(
        (p) =>
          p.selections.some((s) => matches(v.tags, s)) || (p.resources ?? []).some((r) => namesVolume(r, v.volumeId)),
      )
      .map((p) => ({ name: p.name, schedule: p.schedules.join(', ') || 'no schedule', retention: retention(p) }));
    const recovery =
      facts.recovery.state === 'read'
        ? facts.recovery.value.find((r) => r.claim === v.claim && r.namespace === v.namespace)
        : undefined;
    const selects = facts.plans.value.flatMap((p) => p.selections.map(tagText)).join('; ') || 'nothing';
    return {
      ...base,
      status: plans.length ? ('covered' as const) : ('not covered' as const),
      plans,
      why: plans.length
        ? `${v.volumeId ? `volume ${v.volumeId}` : `class ${v.storageClass ?? 'default'}`} tags ${tagText(v.tags)}`
        : `${v.volumeId ? `its volume ${v.volumeId} has` : `its class ${v.storageClass ?? '(default)'} sets`} ${tagText(v.tags)}; the plans select ${selects}`,
      ...(recovery?.latestRecoveryPointAgeHours === undefined
        ? {}
        : { latestRecoveryPointAgeHours: recovery.latestRecoveryPointAgeHours }),
      ...(recovery?.lastRestoreJob ? { lastRestoreJob: recovery.lastRestoreJob } : {}),
      ...(facts.recovery.state === 'read' && v.volumeId ? { recoveryRead: true } : {}),
    };
  });
}

/** Volumes no plan covers, and plans past their schedule, as problems. */
export function coverageProblems(coverage: readonly VolumeCoverage[], maxAgeHours: number): OpsProblem[] {
  const out: OpsProblem[] = [];
  for (const c of coverage) {
    const object = { kind: 'PersistentVolumeClaim', namespace: c.namespace, name: c.claim };
    if (c.status === 'not covered') {
      out.push({
        severity: 'critical',
        code: 'dr.volume-not-covered',
        object,
        what: `no backup plan covers this ${c.sizeGi} GiB volume`,
        cause: c.why,
        next: 'use a StorageClass that tags volumes for the plan (the platform gp3/io2 classes do), or add a selection',
        source: 'joined',
      });
    }
    if (c.status === 'covered' && c.recoveryRead && c.latestRecoveryPointAgeHours === undefined) {
      out.push({
        severity: 'warning',
        code: 'dr.no-recovery-point',
        object,
        what: `a plan covers it (${c.plans.map((p) => p.name).join(', ')}) but its vault holds no completed recovery point`,
        next: 'check the backup jobs: aws backup list-backup-jobs --by-resource-type EBS --by-state FAILED',
        source: 'aws',
      });
    }
    if (c.latestRecoveryPointAgeHours !== undefined && c.latestRecoveryPointAgeHours > maxAgeHours) {
      out.push({
        severity: 'warning',
        code: 'dr.recovery-point-old',
        object,
        what: `latest recovery point is ${Math.round(c.latestRecoveryPointAgeHours)} hours old; the schedule allows ${maxAgeHours}`,
        next: 'check the backup jobs: aws backup list-backup-jobs --by-state FAILED',
        source: 'aws',
      });
    }
  }
  return out;
}
