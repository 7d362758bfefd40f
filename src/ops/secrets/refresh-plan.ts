import type { KubeObject } from '../../inventory/types.js';
import { namespaceOf } from '../common/kube-reads.js';
import type { RefreshPatch, RefreshPlan } from './types.js';

/** The annotation External Secrets watches: a new value makes the controller sync at once. */
export const FORCE_SYNC_ANNOTATION = 'force-sync';

/**
 * The patches that force a sync of the named ExternalSecrets: each sets the
 * `force-sync` annotation to `now` in epoch seconds (the seed's
 * `kubectl annotate externalsecret … force-sync=$(date +%s) --overwrite`).
 * Names are `name` (in `namespace`, or the only one of that name) or
 * `namespace/name`; a bare name found in several namespaces is refused. Nothing is applied:
 * the CLI shows the plan, asks, and hands it to the writer.
 */
export function refreshPlan(
  externalSecrets: readonly KubeObject[],
  names: readonly string[],
  opts: { readonly now: string; readonly namespace?: string },
): RefreshPlan {
  const stamp = String(Math.floor(Date.parse(opts.now) / 1000));
  const patches: RefreshPatch[] = [];
  const notFound: string[] = [];
  const ambiguous: string[] = [];
  const seen = new Set<string>();
  for (const asked of names) {
    const slash = asked.indexOf('/');
    const ns = slash >= 0 ? asked.slice(0, slash) : opts.namespace;
    const name = slash >= 0 ? asked.slice(slash + 1) : asked;
    const matches = externalSecrets.filter(
      (es) => es.metadata.name === name && (ns === undefined || namespaceOf(es) === ns),
    );
    if (matches.length === 0) {
      notFound.push(ns ? `${ns}/${name}` : name);
      continue;
    }
    if (ns === undefined && matches.length > 1) {
      ambiguous.push(`${name} (in ${matches.map(namespaceOf).sort().join(', ')}: name it as namespace/${name})`);
      continue;
    }
    for (const es of matches) {
      const key = `${namespaceOf(es)}/${es.metadata.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      patches.push({
        object: { kind: 'ExternalSecret', name: es.metadata.name, namespace: namespaceOf(es) },
        apiVersion: es.apiVersion,
        patchType: 'application/merge-patch+json',
        body: { metadata: { annotations: { [FORCE_SYNC_ANNOTATION]: stamp } } },
      });
    }
  }
  return { patches, notFound, ambiguous };
}
