import { z } from 'zod';
import { nothingToCheck } from '../support/coverage.js';
import { kubeResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Whether a ClusterSecretStore open to every namespace fails (else warns). */
  requireConditions: z.boolean(),
});

interface StoreCondition {
  namespaces?: unknown;
  namespaceRegexes?: unknown;
  namespaceSelector?: { matchLabels?: unknown; matchExpressions?: unknown };
}

/** What one condition restricts to, or undefined when it restricts nothing. */
function restriction(c: StoreCondition): string | undefined {
  const names = Array.isArray(c.namespaces) ? c.namespaces.map(String) : [];
  if (names.length > 0) return `namespaces ${names.join(', ')}`;
  const regexes = Array.isArray(c.namespaceRegexes) ? c.namespaceRegexes.map(String) : [];
  if (regexes.length > 0) return `namespaces matching ${regexes.join(', ')}`;
  const sel = c.namespaceSelector;
  const labels = sel?.matchLabels && typeof sel.matchLabels === 'object' ? Object.keys(sel.matchLabels) : [];
  const exprs = Array.isArray(sel?.matchExpressions) ? sel.matchExpressions : [];
  if (labels.length > 0 || exprs.length > 0) return 'namespaces selected by labels';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'security.cluster-secret-store-scope',
    title: 'A ClusterSecretStore is usable only from the namespaces it serves',
    category: 'security',
    checklist: ['security.secrets-manager'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A ClusterSecretStore without conditions serves every namespace: anyone who may create an ExternalSecret anywhere can copy any secret the controller can read, including another tier’s, into their own namespace.',
    verified:
      'Every ClusterSecretStore has spec.conditions, and each condition names namespaces, namespace regexes or a non-empty namespaceSelector. A condition that restricts nothing counts as none.',
    fix: 'Give the store spec.conditions listing the namespaces that may use it (the platform writes them from the apps and secrets.clusterStoreNamespaces), or use a namespaced SecretStore per namespace (multi-tier projects do).',
    equivalents: {},
    params,
    defaults: () => ({ requireConditions: true }),
    needs: { kube: ['ClusterSecretStore'] },
  },
  check(inv, p) {
    const stores = inv.kube('ClusterSecretStore');
    if (stores.length === 0) return nothingToCheck(inv, ['ClusterSecretStore'], 'ClusterSecretStores');
    const out: RuleResult[] = [];
    for (const store of stores) {
      const spec = (store.object.spec ?? {}) as { conditions?: unknown };
      const conditions = Array.isArray(spec.conditions) ? (spec.conditions as StoreCondition[]) : [];
      const scoped = conditions.map(restriction);
      const open = conditions.length === 0 || scoped.some((s) => s === undefined);
      out.push(
        open
          ? kubeResult(
              p.requireConditions ? 'fail' : 'warn',
              store,
              conditions.length === 0
                ? 'has no spec.conditions: every namespace may read through it'
                : 'has a condition that names no namespaces: every namespace may read through it',
              ['spec', 'conditions'],
            )
          : kubeResult('pass', store, `is limited to ${scoped.join('; ')}`, ['spec', 'conditions']),
      );
    }
    return out;
  },
});
