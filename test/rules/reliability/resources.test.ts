import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/resources.js';
import { deployment, goodContainer, inventory, kobj, type Obj, run, statusOf } from '../helpers.js';

describe('reliability.resources', () => {
  it('passes when every container sets cpu and memory requests and limits', () => {
    const results = run(rule, inventory({ kube: [deployment()] }));
    expect(results.map((r) => r.status)).toEqual(['pass']);
    expect(results[0].subject).toMatchObject({ kind: 'Deployment', name: 'api', container: 'app' });
  });

  it.each([
    ['no resources at all', { resources: undefined }],
    ['no limits', { resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
    ['no memory request', { resources: { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '1Gi' } } }],
    [
      'a request above its limit',
      { resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
    ],
  ])('fails a container with %s (pitfall 1)', (_, extra) => {
    const results = run(rule, inventory({ kube: [deployment({ containers: [goodContainer('app', extra)] })] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(0, 5)).toEqual(['spec', 'template', 'spec', 'containers', 0]);
  });

  it('checks init containers too', () => {
    const init = { name: 'migrate', image: 'x' };
    const results = run(rule, inventory({ kube: [deployment({ initContainers: [init] })] }));
    const initResult = results.find((r) => 'container' in r.subject && r.subject.container === 'migrate');
    expect(initResult?.status).toBe('fail');
    expect(initResult?.path?.slice(0, 5)).toEqual(['spec', 'template', 'spec', 'initContainers', 0]);
  });

  it('is unknown when no source read Kubernetes objects', () => {
    expect(run(rule, inventory()).map((r) => r.status)).toEqual(['unknown']);
  });

  it('skips when the sources hold Kubernetes objects but no workloads', () => {
    const results = run(rule, inventory({ kube: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });
});

const limitRange = (namespace: string, item: Record<string, unknown>) =>
  kobj('LimitRange', 'defaults', { spec: { limits: [{ type: 'Container', ...item }] } }, namespace);
const cpuMemory = (cpu: string, memory: string) => ({ cpu, memory });

describe('reliability.resources with LimitRange defaults', () => {
  const bare = deployment({ containers: [goodContainer('app', { resources: undefined })] });
  const limitsOnly = deployment({
    containers: [goodContainer('app', { resources: { limits: cpuMemory('1', '1Gi') } })],
  });
  it.each<[string, Obj[], string]>([
    [
      'default and defaultRequest for a container with none',
      [bare, limitRange('shop', { default: cpuMemory('1', '1Gi'), defaultRequest: cpuMemory('100m', '256Mi') })],
      'pass',
    ],
    [
      'a default limit only (requests default to it)',
      [bare, limitRange('shop', { default: cpuMemory('1', '1Gi') })],
      'pass',
    ],
    [
      'a max only (limits and requests default to it)',
      [bare, limitRange('shop', { max: cpuMemory('2', '2Gi') })],
      'pass',
    ],
    ['defaultRequest only', [bare, limitRange('shop', { defaultRequest: cpuMemory('100m', '256Mi') })], 'fail'],
    ['defaults in another namespace', [bare, limitRange('other', { default: cpuMemory('1', '1Gi') })], 'fail'],
    [
      'own limits with a defaultRequest',
      [limitsOnly, limitRange('shop', { defaultRequest: cpuMemory('100m', '256Mi') })],
      'pass',
    ],
    [
      'own limits below the default request',
      [limitsOnly, limitRange('shop', { defaultRequest: cpuMemory('2', '256Mi') })],
      'fail',
    ],
  ])('%s: %s', (_, kube, expected) => {
    expect(statusOf(run(rule, inventory({ kube })), 'api')).toBe(expected);
  });

  it('says which LimitRange supplies what', () => {
    const kube = [limitsOnly, limitRange('shop', { defaultRequest: cpuMemory('100m', '256Mi') })];
    const [r] = run(rule, inventory({ kube }));
    expect(r.message).toContain('requests.cpu and requests.memory from LimitRange defaults of namespace shop');
  });
});
