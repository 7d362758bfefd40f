import { stringify } from 'yaml';
import type { Chart } from './cdk/cdk8s.js';

/** A Kubernetes object as plain JSON. */
export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
};

/** Short file names for the kinds Slipway writes; other kinds use their lower-cased kind. */
const FILE_NAMES: Record<string, string> = {
  HorizontalPodAutoscaler: 'hpa',
  PodDisruptionBudget: 'pdb',
};

export function fileNameOf(kind: string): string {
  return `${FILE_NAMES[kind] ?? kind.toLowerCase()}.yaml`;
}

/** The chart's objects as JSON (cdk8s sorts keys and resolves typed values such as quantities). */
export function chartObjects(chart: Chart): Manifest[] {
  return chart.toJson() as Manifest[];
}

/** Objects grouped into one file per kind, each file's objects sorted by namespace and name. */
export function filesByKind(objects: readonly Manifest[]): Map<string, Manifest[]> {
  const out = new Map<string, Manifest[]>();
  for (const o of objects) {
    const f = fileNameOf(o.kind);
    out.set(f, [...(out.get(f) ?? []), o]);
  }
  for (const list of out.values()) {
    list.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
      ),
    );
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const HEAD_KEYS = ['apiVersion', 'kind', 'metadata'];

/** Keys sorted at every level, except that an object starts with apiVersion, kind and metadata. */
export function canonical(value: unknown, top = true): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  const ordered = top ? [...HEAD_KEYS.filter((k) => k in obj), ...keys.filter((k) => !HEAD_KEYS.includes(k))] : keys;
  const out: Record<string, unknown> = {};
  for (const k of ordered) if (obj[k] !== undefined) out[k] = canonical(obj[k], false);
  return out;
}

/** YAML documents with a header saying where they came from; keys sorted, no timestamps, no line folding. */
export function toYaml(docs: readonly unknown[], header: string): string {
  const body = docs.map((d) => stringify(canonical(d), { lineWidth: 0 })).join('---\n');
  return `${header
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${body}`;
}
