import { type PodTarget, refText } from '../../inventory/controller-pods.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { KubeResource } from '../../inventory/types.js';
import type { ValuePath } from '../../util/paths.js';
import type { RuleResult } from '../types.js';
import { kubeResult } from './results.js';

const UNKNOWN_SHOWN = 3;

/**
 * The result for an object whose selector (`what`, such as "its selector")
 * should pick pods: pass when workloads or a known controller's pods match,
 * unknown when only custom resources of unknown kinds could run them, else fail.
 */
export function podTargetResult(r: KubeResource, target: PodTarget, what: string, path: ValuePath): RuleResult {
  switch (target.found) {
    case 'pods':
      return kubeResult(
        'pass',
        r,
        `${what} picks the pods of ${target.count === 1 ? '1 workload' : `${target.count} workloads`}`,
      );
    case 'controller':
      return kubeResult('pass', r, `${what} picks the pods that ${refText(target.owner)} runs through its controller`);
    case 'unknown': {
      const names = target.candidates.slice(0, UNKNOWN_SHOWN).map(refText).join(', ');
      const more =
        target.candidates.length > UNKNOWN_SHOWN ? ` and ${target.candidates.length - UNKNOWN_SHOWN} more` : '';
      return kubeResult(
        'unknown',
        r,
        `${what} picks no workload in the sources; custom resources in the namespace (${names}${more}) may run the pods it means`,
        path,
      );
    }
    default:
      return kubeResult(
        'fail',
        r,
        `${what} picks no pods: no workload in namespace ${r.object.metadata.namespace ?? 'default'} carries those labels`,
        path,
      );
  }
}

/**
 * An object by kind and name in the namespace of `from`, where an object
 * without a namespace and one in `default` are the same place (as kubectl
 * applies them).
 */
export function getBeside(inv: Inventory, from: KubeResource, kind: string, name: string): KubeResource | undefined {
  const ns = from.object.metadata.namespace;
  return (
    inv.get(kind, ns, name) ??
    (ns === undefined ? inv.get(kind, 'default', name) : ns === 'default' ? inv.get(kind, undefined, name) : undefined)
  );
}
