import type { Fact } from '../facts.js';
import { known, unknownFact } from '../facts.js';

/** One list from several reads (SecretStores and ClusterSecretStores): unknown when any part is, with every reason. */
export function concatFacts<T>(facts: readonly Fact<readonly T[]>[]): Fact<readonly T[]> {
  const reasons = facts.flatMap((f) => (f.state === 'unknown' ? [f.reason] : []));
  if (reasons.length) return unknownFact(reasons.join('; '));
  return known(facts.flatMap((f) => (f.state === 'read' ? f.value : [])));
}
