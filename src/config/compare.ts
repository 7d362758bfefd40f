import { isPlainObject } from '../util/paths.js';
import type { Origin } from './merge.js';
import type { EnvironmentConfig, SlipwayConfig } from './types.js';

/** One row of `slipway config diff`: a setting and its value in each environment. */
export interface DiffRow {
  readonly setting: string;
  readonly values: readonly [string, string];
  readonly differs: boolean;
}

export interface EnvironmentDiff {
  readonly environments: readonly [string, string];
  /** The rows of the test-vs-production table, from the actual config. */
  readonly summary: readonly DiffRow[];
  /** Every other resolved setting whose value differs. */
  readonly otherDifferences: readonly DiffRow[];
}

const capacityLabel = { onDemand: 'on-demand', spot: 'spot' } as const;

function nodeCount(e: EnvironmentConfig): string {
  const min = e.nodes.groups.reduce((n, g) => n + g.min, 0);
  const max = e.nodes.groups.reduce((n, g) => n + g.max, 0);
  const zones = e.availabilityZones.length;
  return `${min} nodes minimum (max ${max}) across ${zones} AZs`;
}

function instanceTypes(e: EnvironmentConfig): string {
  return e.nodes.groups.map((g) => `${g.name}: ${g.instanceTypes.join(', ')}`).join('; ');
}

function capacityMix(e: EnvironmentConfig): string {
  return e.nodes.groups.map((g) => `${capacityLabel[g.capacity]} ${g.min}-${g.max} (desired ${g.desired})`).join(' + ');
}

function alarms(e: EnvironmentConfig): string {
  if (!e.alarms.enabled || !e.components.observability) return 'off';
  const to = e.alarms.snsTopicArn ?? (e.alarms.email.length ? e.alarms.email.join(', ') : 'SNS topic, no subscribers');
  return `on (CPU ${e.alarms.cpuPercent}%, memory ${e.alarms.memoryPercent}%, restarts ${e.alarms.podRestarts}) → ${to}`;
}

function backup(e: EnvironmentConfig): string {
  if (!e.components.backup || e.backup.schedule === 'manual') return 'manual';
  return `automated daily ${e.backup.cron}, kept ${e.backup.retentionDays} days`;
}

/** The test-vs-production rows, rendered from an environment. */
export const SUMMARY_ROWS: readonly { setting: string; render: (e: EnvironmentConfig) => string }[] = [
  { setting: 'Cluster name', render: (e) => e.clusterName },
  { setting: 'Node count', render: nodeCount },
  { setting: 'Instance types', render: instanceTypes },
  { setting: 'Spot vs on-demand', render: capacityMix },
  { setting: 'Secrets path', render: (e) => `${e.secretsPath}/*` },
  { setting: 'Log retention', render: (e) => `${e.logs.retentionDays} days` },
  { setting: 'Alarms', render: alarms },
  { setting: 'Backup frequency', render: backup },
];

/** Compares two environments of one config. */
export function diffEnvironments(config: SlipwayConfig, a: string, b: string): EnvironmentDiff {
  const ea = config.environments[a];
  const eb = config.environments[b];
  const summary = SUMMARY_ROWS.map(({ setting, render }) => row(setting, render(ea), render(eb)));
  const la = flatten(ea);
  const lb = flatten(eb);
  const keys = [...new Set([...la.keys(), ...lb.keys()])].filter((k) => !IGNORED.has(k.split(/[.[]/)[0])).sort();
  const otherDifferences = keys
    .map((k) => row(k, la.get(k) ?? '(unset)', lb.get(k) ?? '(unset)'))
    .filter((r) => r.differs);
  return { environments: [a, b], summary, otherDifferences };
}

const IGNORED = new Set([
  'name',
  'project',
  'preset',
  'apps',
  'waivers',
  'contexts',
  'clusterName',
  'secretsPath',
  'availabilityZones',
]);

function row(setting: string, va: string, vb: string): DiffRow {
  return { setting, values: [va, vb], differs: va !== vb };
}

/** Leaf values keyed by dotted path; lists of objects are walked item by item, lists of values are one value. */
export function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, p: string) => {
    if (isPlainObject(v) && Object.keys(v).length > 0) {
      for (const [k, item] of Object.entries(v)) walk(item, p ? `${p}.${k}` : k);
    } else if (Array.isArray(v) && v.some(isPlainObject)) {
      v.forEach((item, i) => {
        walk(item, `${p}[${i}]`);
      });
    } else if (Array.isArray(v)) {
      out.set(p, v.length ? v.map(String).join(', ') : '(none)');
    } else if (v !== undefined) {
      out.set(p, typeof v === 'string' ? v : JSON.stringify(v));
    }
  };
  walk(value, prefix);
  return out;
}

/** One row of `slipway config show`: a resolved setting and where it came from. */
export interface ShowRow {
  readonly setting: string;
  readonly value: string;
  readonly origin: Origin;
}

/** Every resolved setting of an environment with its origin (preset, project, environment, default). */
export function showEnvironment(config: SlipwayConfig, env: string): ShowRow[] {
  const e = config.environments[env];
  const origins = config.provenance[env];
  const settings = flatten(e);
  const rows: ShowRow[] = [];
  for (const [setting, value] of settings) {
    if (IGNORED.has(setting.split(/[.[]/)[0])) continue;
    rows.push({ setting, value, origin: originFor(origins, setting) });
  }
  return rows.sort((x, y) => x.setting.localeCompare(y.setting));
}

function originFor(origins: ReadonlyMap<string, Origin>, setting: string): Origin {
  // Lists are recorded as one value: `nodes.groups[0].min` takes the origin of `nodes.groups`.
  for (let p = setting; p; p = p.replace(/(\.[^.[]+|\[\d+\])$/, '')) {
    const hit = origins.get(p);
    if (hit) return hit;
    if (!/(\.[^.[]+|\[\d+\])$/.test(p)) break;
  }
  return 'default';
}
