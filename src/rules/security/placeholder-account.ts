import { z } from 'zod';
import { PLACEHOLDER_ACCOUNT } from '../../config/presets.js';
import type { AwsResource } from '../../inventory/types.js';
import { nothingToCheck } from '../support/coverage.js';
import { awsResult, containerResult, result } from '../support/results.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** The account id synth uses when the config names none. */
  placeholderAccount: z.string().regex(/^\d{12}$/),
});

/** The property names under which a resource's JSON mentions the account (first few, for the message). */
function mentions(a: AwsResource, account: string): string[] {
  return Object.entries(a.properties)
    .filter(([, v]) => JSON.stringify(v)?.includes(account))
    .map(([k]) => k)
    .sort();
}

export default defineRule({
  meta: {
    id: 'security.placeholder-account',
    title: 'Policies, keys and images name the real AWS account',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'low', prod: 'high' },
    why: `Without \`account\` in the config, the platform stack is account-agnostic, but the generated manifests still need an account and get the placeholder ${PLACEHOLDER_ACCOUNT} in image names and role ARNs; a template or policy written by hand with it grants nothing real. The images cannot be pulled and the policies match nothing, yet every other check looks fine.`,
    verified: `No AWS resource property and no container image in the sources mentions the placeholder account ${PLACEHOLDER_ACCOUNT}.`,
    fix: 'Set `account: "<12-digit id>"` at the top of slipway.config.yaml (or per environment) and synthesize again.',
    equivalents: {},
    params,
    defaults: () => ({ placeholderAccount: PLACEHOLDER_ACCOUNT }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'], aws: ['AWS::IAM::Role'] },
  },
  check(inv, p) {
    const out: RuleResult[] = [];
    const setting = 'set `account` in slipway.config.yaml';
    for (const a of inv.awsResources) {
      const fields = mentions(a, p.placeholderAccount);
      if (fields.length > 0) {
        out.push(
          awsResult(
            'fail',
            a,
            `names the placeholder account ${p.placeholderAccount} (in ${fields.join(', ')}); ${setting}`,
            [fields[0]],
          ),
        );
      }
    }
    for (const w of inv.workloads()) {
      for (const c of containersOf(w, WITH_INIT)) {
        const image = c.container.image ?? '';
        if (image.startsWith(`${p.placeholderAccount}.`)) {
          out.push(
            containerResult(
              'fail',
              w,
              c,
              `image ${image} is in the placeholder account ${p.placeholderAccount}; ${setting}`,
              [...c.path, 'image'],
            ),
          );
        }
      }
    }
    if (out.length > 0) return out;
    if (inv.awsResources.length === 0 && inv.workloads().length === 0) {
      return nothingToCheck(inv, ['Deployment'], 'AWS resources or workloads');
    }
    return [
      result(
        'pass',
        { awsType: 'AWS::IAM::Role', id: 'account' },
        'no resource or image names the placeholder account',
      ),
    ];
  },
});
