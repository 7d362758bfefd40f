import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** The condition that says the secret was synced. */
  readyCondition: z.string().min(1),
});

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export default defineRule({
  meta: {
    id: 'security.live-externalsecret-sync',
    title: 'External secrets are synced from Secrets Manager',
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'medium', prod: 'high' },
    why: 'An ExternalSecret that cannot sync leaves pods without their credentials (or with stale ones after a rotation), and the failure shows only at the next restart.',
    verified:
      "Live or from a dump: each ExternalSecret's status.conditions has Ready=True (the last sync time, status.refreshTime, is shown). Ready=False fails with the controller's reason; no status yet warns.",
    fix: "Read the condition message (`kubectl describe externalsecret`): usually the secret name under the environment path is wrong, or the store's Pod Identity role lacks secretsmanager:GetSecretValue on it.",
    equivalents: {},
    params,
    defaults: () => ({ readyCondition: 'Ready' }),
    needs: { kube: ['ExternalSecret'] },
  },
  check(inv, p) {
    const skip = needsLiveFacts(inv, { kind: 'ExternalSecret', name: '*' }, 'Sync state');
    if (skip) return skip;
    const list = inv.kube('ExternalSecret');
    if (list.length === 0) return nothingToCheck(inv, ['ExternalSecret'], 'ExternalSecrets');
    const out: RuleResult[] = [];
    for (const es of list) {
      const status = es.object.status as { conditions?: Condition[]; refreshTime?: string } | undefined;
      const ready = status?.conditions?.find((c) => c.type === p.readyCondition);
      const synced = status?.refreshTime ? `last synced ${status.refreshTime}` : 'never synced';
      if (!ready) {
        out.push(
          kubeResult(
            'warn',
            es,
            `no ${p.readyCondition} condition yet (${synced}): the controller has not reconciled it`,
            ['status'],
          ),
        );
      } else if (ready.status === 'True') {
        out.push(kubeResult('pass', es, `${p.readyCondition}=True, ${synced}`, ['status', 'conditions']));
      } else {
        const why = [ready.reason, ready.message].filter(Boolean).join(': ') || 'no reason given';
        out.push(
          kubeResult('fail', es, `${p.readyCondition}=${ready.status} (${why}); ${synced}`, ['status', 'conditions']),
        );
      }
    }
    return out;
  },
});
