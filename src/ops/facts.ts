/**
 * What a day-2 command read, part by part. A part that could not be read
 * (forbidden, unreachable, no AWS credentials, not served) is `unknown` with
 * the reason; commands show what they have and mark the rest, and never call
 * something healthy that they could not read.
 */
export type Fact<T> =
  | { readonly state: 'read'; readonly value: T }
  | { readonly state: 'unknown'; readonly reason: string };

export function known<T>(value: T): Fact<T> {
  return { state: 'read', value };
}

export function unknownFact<T = never>(reason: string): Fact<T> {
  return { state: 'unknown', reason };
}

/** The value of a part, or `fallback` when it was not read. */
export function valueOr<T>(fact: Fact<T>, fallback: T): T {
  return fact.state === 'read' ? fact.value : fallback;
}

/** The reasons of every part that was not read, keyed by the part's name. */
export function unknownParts(facts: Readonly<Record<string, Fact<unknown>>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts)) if (fact.state === 'unknown') out[name] = fact.reason;
  return out;
}
