import { z } from 'zod';
import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { Workload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';
import type { RuleResult } from '../types.js';
import { nothingToCheck } from './coverage.js';
import { containerResult, workloadResult } from './results.js';
import type { ContainerRef } from './workloads.js';

/** The two Pod Security Standards profiles a setting can break (privileged allows everything). */
export type PssProfile = 'baseline' | 'restricted';

const verdict = z.enum(['fail', 'warn']);

/** Parameters every Pod Security Standards rule shares: what a breach of each profile is, and who is not judged. */
export const podSecurityParams = z.object({
  /** Status of a setting the baseline profile forbids. */
  baseline: verdict,
  /** Status of a setting only the restricted profile forbids. */
  restricted: verdict,
  /** Namespaces whose workloads are not judged. */
  ignoreNamespaces: z.array(z.string()),
});
export type PodSecurityParams = z.infer<typeof podSecurityParams>;

/**
 * The environment's profile: baseline breaches fail everywhere; restricted
 * breaches fail in prod-preset environments and warn in test ones (override
 * both under `verify.rules.<id>.params`).
 */
export function podSecurityDefaults(env: EnvironmentConfig): PodSecurityParams {
  return {
    baseline: 'fail',
    restricted: env.preset === 'prod' ? 'fail' : 'warn',
    // Node agents of the cluster and of the CloudWatch add-on (aws-node, kube-proxy, the EBS CSI node
    // plugin, the CloudWatch agent, Fluent Bit) need the host; every other namespace is judged.
    ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'],
  };
}

/** One setting of a pod that breaks a profile. */
export interface PodSecurityBreach {
  readonly profile: PssProfile;
  readonly message: string;
  readonly path: ValuePath;
  /** The container the setting belongs to; the pod when absent. */
  readonly container?: ContainerRef;
  /** A status other than the profile's (a hostPath that is only read, for example, is a warning). */
  readonly status?: 'fail' | 'warn';
}

/**
 * Judges the pod template of every workload: one result per breach (its
 * status from the profile it breaks), or one pass saying what holds. With no
 * workload to judge, one `unknown` or `skip` result.
 */
export function checkPodSecurity(
  inv: Inventory,
  p: PodSecurityParams,
  passes: string,
  judge: (w: Workload) => readonly PodSecurityBreach[],
): RuleResult[] {
  const workloads = inv.workloads().filter((w) => !p.ignoreNamespaces.includes(w.namespace));
  if (workloads.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
  const out: RuleResult[] = [];
  for (let i = 0; i < workloads.length; i++) {
    const w = workloads[i];
    const breaches = judge(w);
    if (breaches.length === 0) {
      out.push(workloadResult('pass', w, passes));
      continue;
    }
    for (const b of breaches) {
      const status = b.status ?? p[b.profile];
      const message = `${b.message} (Pod Security Standards: ${b.profile})`;
      out.push(
        b.container
          ? containerResult(status, w, b.container, message, b.path)
          : workloadResult(status, w, message, b.path),
      );
    }
  }
  return out;
}

/** Whether the pod shares the node's network namespace (NetworkPolicies do not apply to it). */
export function usesHostNetwork(w: Workload): boolean {
  return w.template.spec?.hostNetwork === true;
}
