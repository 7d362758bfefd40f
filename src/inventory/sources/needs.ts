import type { RuleMeta } from '../../rules/types.js';

/** What a set of rules reads: Kubernetes kinds and AWS CloudFormation types, sorted and unique. */
export interface Needs {
  readonly kube: string[];
  readonly aws: string[];
}

/** The union of the rules' declared needs: live sources fetch this much and no more. */
export function needsOf(rules: readonly { readonly meta: Pick<RuleMeta<unknown>, 'needs'> }[]): Needs {
  const kube = new Set<string>();
  const aws = new Set<string>();
  for (const r of rules) {
    for (const k of r.meta.needs.kube ?? []) kube.add(k);
    for (const t of r.meta.needs.aws ?? []) aws.add(t);
  }
  return { kube: [...kube].sort(), aws: [...aws].sort() };
}
