import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/rules/engine/verify.js';
import { RULES } from '../../../src/rules/registry.js';
import { liveInventory } from '../../support/live-inventory.js';
import { ENVS } from '../helpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');

/** Every (rule, declared need) pair: the need unread, everything else the rule reads read (and empty). */
const CASES = RULES.flatMap((rule) => [
  ...(rule.meta.needs.kube ?? []).map((need) => ({ rule, need, source: 'kube' as const })),
  ...(rule.meta.needs.aws ?? []).map((need) => ({ rule, need, source: 'aws' as const })),
]);

function inventoryWithout(need: string, source: 'kube' | 'aws', reason: string) {
  const kinds = RULES.flatMap((r) => r.meta.needs.kube ?? []).filter((k) => !(source === 'kube' && k === need));
  const types = RULES.flatMap((r) => r.meta.needs.aws ?? []).filter((t) => !(source === 'aws' && t === need));
  return liveInventory([], {
    kinds,
    awsTypes: types,
    coverage: source === 'kube' ? { kubeDenied: new Map([[need, reason]]) } : { awsDenied: new Map([[need, reason]]) },
  });
}

describe('rules whose kinds were not read', () => {
  it('covers every rule that declares needs', () => {
    expect(new Set(CASES.map((c) => c.rule.meta.id)).size).toBe(RULES.filter((r) => hasNeeds(r.meta.needs)).length);
  });

  it.each(CASES.map((c) => [c.rule.meta.id, c.need, c] as const))(
    '%s is unknown, never pass, when %s is forbidden',
    (id, need, { source }) => {
      const reason =
        source === 'kube'
          ? `forbidden: list ${need.toLowerCase()} at cluster scope (RBAC)`
          : 'AccessDenied: x:Describe';
      const report = verify(inventoryWithout(need, source, reason), {
        env: ENVS.prod,
        rules: RULES,
        include: [id],
        now: NOW,
      });
      const unknown = report.findings.filter((f) => f.ruleId === id && f.status === 'unknown');
      expect(unknown.some((f) => f.message.includes(reason))).toBe(true);
      const items = report.checklist.filter((e) => e.rules.includes(id));
      for (const e of items) expect(['fail', 'unknown']).toContain(e.status);
    },
  );

  it('names the read error when a kind failed to read for another reason than permissions', () => {
    const report = verify(
      inventoryWithout('Deployment', 'kube', 'could not list deployments.apps: 503 after retries'),
      {
        env: ENVS.prod,
        rules: RULES,
        include: ['security.run-as-non-root'],
        now: NOW,
      },
    );
    expect(report.findings.map((f) => [f.status, f.subject])).toContainEqual([
      'unknown',
      { kind: 'Deployment', name: '*' },
    ]);
  });

  it('keeps the failures and warnings it saw while still refusing to pass what it could not read', () => {
    const root = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'db:1', securityContext: { runAsUser: 0, privileged: true } }] },
        },
      },
    };
    const inv = liveInventory([root], {
      kinds: ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'],
      coverage: { kubeDenied: new Map([['Deployment', 'forbidden: list deployments.apps at cluster scope (RBAC)']]) },
    });
    const report = verify(inv, { env: ENVS.prod, rules: RULES, include: ['security.run-as-non-root'], now: NOW });
    const statuses = report.findings.filter((f) => f.ruleId === 'security.run-as-non-root').map((f) => f.status);
    expect(statuses.some((s) => s === 'fail' || s === 'warn')).toBe(true);
    expect(statuses).toContain('unknown');
  });

  it('turns a pass into unknown when a workload kind is forbidden (a privileged Deployment cannot hide)', () => {
    const inv = liveInventory([], {
      kinds: ['StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'],
      coverage: { kubeDenied: new Map([['Deployment', 'forbidden: list deployments.apps at cluster scope (RBAC)']]) },
    });
    const report = verify(inv, { env: ENVS.prod, rules: RULES, now: NOW });
    const container = report.checklist.filter((e) =>
      e.rules.some((r) => RULES.find((x) => x.meta.id === r)?.meta.needs.kube?.includes('Deployment')),
    );
    expect(container.length).toBeGreaterThan(0);
    for (const e of container) expect(e.status).not.toBe('pass');
  });
});

function hasNeeds(n: { kube?: readonly string[]; aws?: readonly string[] }): boolean {
  return (n.kube?.length ?? 0) + (n.aws?.length ?? 0) > 0;
}
