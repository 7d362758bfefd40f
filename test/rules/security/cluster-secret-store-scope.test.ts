import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/cluster-secret-store-scope.js';
import { inventory, kobj, run, statusOf } from '../helpers.js';

const store = (name: string, spec: Record<string, unknown>) =>
  kobj('ClusterSecretStore', name, { apiVersion: 'external-secrets.io/v1', spec }, undefined);
const provider = { provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } } };

describe('security.cluster-secret-store-scope', () => {
  it.each([
    ['a namespace list', { conditions: [{ namespaces: ['shop'] }] }],
    ['namespace regexes', { conditions: [{ namespaceRegexes: ['^team-a-'] }] }],
    ['a label selector', { conditions: [{ namespaceSelector: { matchLabels: { tier: 'backend' } } }] }],
  ])('passes a store limited by %s', (_, conditions) => {
    expect(statusOf(run(rule, inventory({ kube: [store('aws', { ...provider, ...conditions })] })), 'aws')).toBe(
      'pass',
    );
  });

  it.each([
    ['no conditions', {}],
    ['an empty condition list', { conditions: [] }],
    ['a condition that names nothing', { conditions: [{ namespaces: [] }] }],
    ['an empty selector next to a namespace list', { conditions: [{ namespaces: ['a'] }, { namespaceSelector: {} }] }],
  ])('fails a store with %s in prod', (_, conditions) => {
    expect(statusOf(run(rule, inventory({ kube: [store('aws', { ...provider, ...conditions })] })), 'aws')).toBe(
      'fail',
    );
  });

  it('only warns when conditions are not required', () => {
    const inv = inventory({ kube: [store('aws', provider)] });
    expect(statusOf(run(rule, inv, 'test', { requireConditions: false }), 'aws')).toBe('warn');
  });

  it('skips without ClusterSecretStores, and is unknown when they could not be read', () => {
    expect(run(rule, inventory({ kube: [kobj('ConfigMap', 'c')] })).map((r) => r.status)).toEqual(['skip']);
    const denied = inventory({ mode: 'live', kubeDenied: { ClusterSecretStore: 'forbidden' } });
    expect(run(rule, denied).map((r) => r.status)).toEqual(['unknown']);
  });
});
