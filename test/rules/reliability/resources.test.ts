import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/reliability/resources.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

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
