import type { AwsResource, KubeResource } from '../../inventory/types.js';
import type { RuleResult } from '../types.js';
import { locationOf } from './finding-parts.js';
import type { FindingLocation } from './types.js';

/** A finding whose position is still to be found: what it is about and where inside it. */
export interface PendingLocation {
  readonly finding: { location: FindingLocation };
  readonly resource: KubeResource | AwsResource;
  readonly path?: RuleResult['path'];
}

/**
 * Gives each finding its position, one object at a time: every finding about an object is located
 * together, then the object's document forgets what locating kept (its lines and walks). Located as each
 * rule ran, a document's lines stayed alive from its first finding to the end of the run, and the young
 * generation copied them on every collection in between (a fifth of a 20,000-object verify's CPU; see
 * BENCHMARKS.md, "Static verify at every size").
 */
export function locateFindings(pending: readonly PendingLocation[]): void {
  const byResource = new Map<KubeResource | AwsResource, PendingLocation[]>();
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i];
    const list = byResource.get(p.resource);
    if (list) list.push(p);
    else byResource.set(p.resource, [p]);
  }
  for (const [resource, list] of byResource) {
    for (let i = 0; i < list.length; i++) list[i].finding.location = locationOf(resource, list[i]);
    if ('releasePositions' in resource) resource.releasePositions?.();
  }
}
