import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { kubeResource } from '../../src/inventory/memory.js';
import type { AwsResource, Coverage, KubeObject } from '../../src/inventory/types.js';
import type { Rule, RuleResult } from '../../src/rules/types.js';

/** An inventory as a live source would build it: every given kind counts as collected. */
export function liveInventory(
  kube: readonly Record<string, unknown>[],
  opts: { aws?: AwsResource[]; kinds?: string[]; awsTypes?: string[]; coverage?: Partial<Coverage> } = {},
): Inventory {
  return new Inventory({
    kube: kube.map((o) => kubeResource(o as unknown as KubeObject, { cluster: 'test' })),
    aws: opts.aws ?? [],
    coverage: {
      mode: 'live',
      kubeKinds: new Set(opts.kinds ?? []),
      awsTypes: new Set(opts.awsTypes ?? []),
      ...opts.coverage,
    },
  });
}

export function staticInventory(kube: readonly Record<string, unknown>[]): Inventory {
  return new Inventory({ kube: kube.map((o) => kubeResource(o as unknown as KubeObject, { file: 'x.yaml' })) });
}

let cached: Record<string, EnvironmentConfig> | undefined;
export async function exampleEnv(name: 'prod' | 'test'): Promise<EnvironmentConfig> {
  cached ??= (await loadConfig(bundledExamplePath())).environments as Record<string, EnvironmentConfig>;
  return cached[name];
}

/** Runs a rule with its default parameters for the environment. */
export async function runRule<P>(
  rule: Rule<P>,
  inv: Inventory,
  envName: 'prod' | 'test' = 'prod',
): Promise<RuleResult[]> {
  const env = await exampleEnv(envName);
  return rule.check(inv, rule.meta.params.parse(rule.meta.defaults(env)) as P, { env });
}

export const statuses = (rs: readonly RuleResult[]) => rs.map((r) => r.status);
