import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/host-path.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

function withHostPath(path: string, readOnly: boolean) {
  return deployment({
    containers: [goodContainer('app', { volumeMounts: [{ name: 'host', mountPath: '/host', readOnly }] })],
    podSpec: { volumes: [{ name: 'host', hostPath: { path } }] },
  });
}

describe('security.host-path', () => {
  it('passes a pod with only emptyDir volumes', () => {
    const d = deployment({ podSpec: { volumes: [{ name: 'tmp', emptyDir: {} }] } });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it.each([
    ['/', true],
    ['/etc', true],
    ['/var/run/docker.sock', true],
    ['/run/containerd/containerd.sock', true],
    ['/proc/', true],
    ['/sys/fs/cgroup', true],
  ])('fails the sensitive host path %s even read-only', (path, readOnly) => {
    expect(statusOf(run(rule, inventory({ kube: [withHostPath(path, readOnly)] })), 'api')).toBe('fail');
  });

  it('fails a writable mount of any host path', () => {
    expect(statusOf(run(rule, inventory({ kube: [withHostPath('/data/cache', false)] })), 'api')).toBe('fail');
  });

  it('warns about a read-only mount of another host path', () => {
    const results = run(rule, inventory({ kube: [withHostPath('/opt/models', true)] }));
    expect(statusOf(results, 'api')).toBe('warn');
    expect(results[0].path?.slice(-3)).toEqual(['volumes', 0, 'hostPath']);
  });

  it('does not treat /etcd as lying under /etc', () => {
    expect(statusOf(run(rule, inventory({ kube: [withHostPath('/etcd', true)] })), 'api')).toBe('warn');
  });
});
