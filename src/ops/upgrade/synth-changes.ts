import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import { type Fact, known, unknownFact } from '../facts.js';
import type { SynthChange } from './types.js';

export type SynthChangesFact = Fact<readonly SynthChange[]>;

/** Properties whose values are asset locations and hashes: they change with any code, not with the minor. */
const NOISE = /(^|\.)(S3Key|S3Bucket|ZipFile|Code|Content)(\.|$)|[0-9a-f]{64}/;

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      flatten(v, `${path}[${i}]`, out);
    });
  } else if (typeof value === 'string' && value.startsWith('{')) {
    // Helm chart values are one JSON string: compare them key by key.
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object') flatten(parsed, path, out);
    else out.set(path, value);
  } else {
    out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/**
 * The resource properties that differ between two syntheses of one
 * environment (the current minor and the target), leaf by leaf: cluster
 * version, add-on versions, chart versions and values, node group release
 * versions and AMIs. Asset locations are left out; a resource only one side
 * has is listed with `(none)` on the other.
 */
export function synthChanges(before: Inventory, after: Inventory): SynthChange[] {
  const key = (r: { type: string; id: string }) => `${r.type}\u0000${r.id}`;
  const a = new Map(before.awsResources.map((r) => [key(r), r]));
  const b = new Map(after.awsResources.map((r) => [key(r), r]));
  const out: SynthChange[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const [type, resource] = k.split('\u0000');
    const from = new Map<string, string>();
    const to = new Map<string, string>();
    if (a.has(k)) flatten(a.get(k)?.properties, '', from);
    if (b.has(k)) flatten(b.get(k)?.properties, '', to);
    if (!a.has(k) || !b.has(k)) {
      out.push({
        resource,
        type,
        property: '(resource)',
        from: a.has(k) ? 'present' : '(none)',
        to: b.has(k) ? 'present' : '(none)',
      });
      continue;
    }
    for (const p of [...new Set([...from.keys(), ...to.keys()])].sort()) {
      const x = from.get(p) ?? '(none)';
      const y = to.get(p) ?? '(none)';
      if (x === y || NOISE.test(p) || NOISE.test(x) || NOISE.test(y)) continue;
      out.push({ resource, type, property: p, from: x, to: y });
    }
  }
  return out;
}

/**
 * What `slipway synth` would change when the environment moves to `to`: the
 * platform synthesized in memory at the target minor, against `current` (the
 * inventory synthesized at the config's minor). A synthesis that fails (the
 * target's kubectl layer is not installed, …) is unknown with why.
 */
export async function synthesizedChanges(
  env: EnvironmentConfig,
  current: Inventory,
  to: string,
  cwd?: string,
): Promise<SynthChangesFact> {
  try {
    const [{ synthesizeForVerify }, { inventoryFromTexts }] = await Promise.all([
      import('../../inventory/sources/synth.js'),
      import('../../inventory/sources/static-inventory.js'),
    ]);
    const target = inventoryFromTexts(await synthesizeForVerify({ ...env, kubernetesVersion: to }, 'out', cwd));
    return known(synthChanges(current, target));
  } catch (e) {
    return unknownFact(`synthesizing ${env.name} at ${to} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
