import { z } from 'zod';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { knowsAwsType, nothingToCheck } from '../support/coverage.js';
import { cfnText } from '../support/iam.js';
import { awsResult, kubeSubject, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** The EKS add-on that is the cluster's CNI. */
  cniAddon: z.string().min(1),
  /** Key in its configuration values that switches its network policy agent on. */
  enableKey: z.string().min(1),
  /** DaemonSets (kube-system) of CNIs that enforce NetworkPolicies themselves. */
  enforcingDaemonSets: z.array(z.string()),
});
type Params = z.infer<typeof params>;

/** `true` / `"true"` for the key, false when absent or off, undefined when the values are not plain JSON text. */
function agentEnabled(addon: AwsResource, key: string): { on: boolean; seen: string } | undefined {
  const raw = addon.properties.ConfigurationValues;
  if (raw === undefined || raw === null || raw === '') return { on: false, seen: 'no ConfigurationValues' };
  // A token (Fn::Join, Ref) cannot be read offline.
  if (typeof raw !== 'string') return undefined;
  const text = raw;
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[key];
    return { on: value === true || value === 'true', seen: `${key}: ${JSON.stringify(value ?? null)}` };
  } catch {
    return { on: false, seen: `ConfigurationValues that are not JSON (${text.slice(0, 40)})` };
  }
}

/** Kube-side evidence: a CNI DaemonSet that enforces policies, or aws-node with its policy agent switched on. */
function enforcingDaemonSet(inv: Inventory, p: Params): RuleResult | undefined {
  for (const ds of inv.kube('DaemonSet')) {
    const name = ds.object.metadata.name;
    if (p.enforcingDaemonSets.includes(name)) {
      return result('pass', kubeSubject(ds), `the ${name} CNI enforces NetworkPolicies`, ds);
    }
    if (name !== 'aws-node') continue;
    const containers = ((ds.object.spec as { template?: { spec?: { containers?: unknown[] } } })?.template?.spec
      ?.containers ?? []) as { name?: string; args?: string[] }[];
    const agent = containers.find((c) => c.name === 'aws-network-policy-agent');
    if (agent?.args?.some((a) => a === '--enable-network-policy=true')) {
      return result(
        'pass',
        kubeSubject(ds),
        'aws-node runs its network policy agent with --enable-network-policy=true',
        ds,
      );
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'security.network-policy-enforcement',
    title: 'NetworkPolicies are enforced by the CNI',
    category: 'security',
    checklist: ['security.network-policies'],
    severity: { test: 'medium', prod: 'high' },
    why: 'The Amazon VPC CNI ignores NetworkPolicy objects unless its network policy agent is switched on (it is off by default): the policies look like isolation and give none.',
    verified:
      'When NetworkPolicies exist, the vpc-cni EKS add-on (CloudFormation AWS::EKS::Addon or live DescribeAddon) sets enableNetworkPolicy to "true" in its configuration values, or a CNI that enforces policies itself runs (calico-node, cilium DaemonSets; aws-node with --enable-network-policy=true). Unknown when the sources show neither add-ons nor DaemonSets (manifests only).',
    fix: 'Set the vpc-cni add-on configuration values to {"enableNetworkPolicy": "true"} (the platform does this in every environment), or run a CNI that enforces NetworkPolicies.',
    equivalents: {},
    params,
    defaults: () => ({
      cniAddon: 'vpc-cni',
      enableKey: 'enableNetworkPolicy',
      enforcingDaemonSets: ['calico-node', 'cilium'],
    }),
    needs: { kube: ['NetworkPolicy', 'DaemonSet'], aws: ['AWS::EKS::Addon'] },
  },
  check(inv, p) {
    const policies = inv.kube('NetworkPolicy');
    if (policies.length === 0) return nothingToCheck(inv, ['NetworkPolicy'], 'NetworkPolicies');
    const what = `${policies.length} NetworkPolic${policies.length === 1 ? 'y' : 'ies'}`;
    const daemonSet = enforcingDaemonSet(inv, p);
    if (daemonSet) return [daemonSet];
    const subject = { awsType: 'AWS::EKS::Addon', id: p.cniAddon };
    if (!knowsAwsType(inv, 'AWS::EKS::Addon')) {
      const denied = inv.coverage.awsDenied.get('AWS::EKS::Addon');
      return [
        result(
          'unknown',
          subject,
          `${what} exist, but ${denied ? `reading add-ons failed: ${denied}` : 'no source shows the CNI configuration'} ` +
            '(give the platform template from `slipway synth` or run with --live)',
        ),
      ];
    }
    const cni = inv.aws('AWS::EKS::Addon').filter((a) => cfnText(a.properties.AddonName) === p.cniAddon);
    if (cni.length === 0) {
      return [
        result(
          'fail',
          subject,
          `${what} exist, but no ${p.cniAddon} add-on with ${p.enableKey} and no enforcing CNI is in the sources: nothing enforces them`,
        ),
      ];
    }
    return cni.map((a) => {
      const state = agentEnabled(a, p.enableKey);
      if (!state)
        return awsResult('unknown', a, 'ConfigurationValues is not plain text in the sources', ['ConfigurationValues']);
      return state.on
        ? awsResult('pass', a, `${p.enableKey} is on, so the ${what} are enforced`, ['ConfigurationValues'])
        : awsResult(
            'fail',
            a,
            `${what} exist, but the ${p.cniAddon} add-on has ${state.seen}; expected ${p.enableKey}: "true"`,
            ['ConfigurationValues'],
          );
    });
  },
});
