import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/ephemeral-storage.js';
import { deployment, goodContainer, inventory, kobj, type Obj, run, statusOf } from '../helpers.js';

function withResources(resources: Record<string, unknown>) {
  return inventory({ kube: [deployment({ containers: [goodContainer('app', { resources })] })] });
}

describe('workloads.ephemeral-storage', () => {
  it('passes a container that requests and limits ephemeral storage', () => {
    const inv = withResources({ requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '2Gi' } });
    expect(statusOf(run(rule, inv), 'api')).toBe('pass');
  });

  it.each([
    [{ requests: { cpu: '100m' }, limits: { memory: '256Mi' } }],
    [{ requests: { 'ephemeral-storage': '1Gi' } }],
    [{ limits: { 'ephemeral-storage': '2Gi' } }],
  ])('warns when the request or the limit is missing: %j', (resources) => {
    expect(statusOf(run(rule, withResources(resources)), 'api')).toBe('warn');
  });
});

const limitRange = (namespace: string, item: Record<string, unknown>) =>
  kobj('LimitRange', 'defaults', { spec: { limits: [{ type: 'Container', ...item }] } }, namespace);

describe('workloads.ephemeral-storage with LimitRange defaults', () => {
  const bare = deployment({ containers: [goodContainer('app', { resources: { requests: { cpu: '100m' } } })] });
  it.each<[string, Obj[], string]>([
    [
      'default and defaultRequest in the namespace',
      [
        bare,
        limitRange('shop', { default: { 'ephemeral-storage': '2Gi' }, defaultRequest: { 'ephemeral-storage': '1Gi' } }),
      ],
      'pass',
    ],
    [
      'only a default limit (the request defaults to it)',
      [bare, limitRange('shop', { default: { 'ephemeral-storage': '2Gi' } })],
      'pass',
    ],
    ['only a default request', [bare, limitRange('shop', { defaultRequest: { 'ephemeral-storage': '1Gi' } })], 'warn'],
    ['defaults in another namespace', [bare, limitRange('other', { default: { 'ephemeral-storage': '2Gi' } })], 'warn'],
    [
      'defaults for Pods, not containers',
      [bare, kobj('LimitRange', 'p', { spec: { limits: [{ type: 'Pod', max: { 'ephemeral-storage': '2Gi' } }] } })],
      'warn',
    ],
  ])('%s: %s', (_, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube })), 'api')).toBe(expected);
  });

  it('says the LimitRange supplies them', () => {
    const kube = [bare, limitRange('shop', { default: { 'ephemeral-storage': '2Gi' } })];
    expect(run(rule, inventory({ kube }))[0].message).toContain('LimitRange defaults');
  });
});
