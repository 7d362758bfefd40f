import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/host-namespaces.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

describe('security.host-namespaces', () => {
  it('passes a pod that shares no host namespace', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('pass');
  });

  it.each(['hostNetwork', 'hostPID', 'hostIPC'])('fails a pod that sets %s in test and prod (baseline)', (key) => {
    const inv = inventory({ kube: [deployment({ podSpec: { [key]: true } })] });
    expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('fail');
    expect(run(rule, inv)[0].path?.slice(-1)).toEqual([key]);
  });

  it('fails a container that binds a host port, including an init container', () => {
    const hostPort = [{ containerPort: 8080, hostPort: 8080 }];
    const d = deployment({ initContainers: [goodContainer('init', { ports: hostPort })] });
    const results = run(rule, inventory({ kube: [d] }));
    expect(results.map((r) => [r.status, 'container' in r.subject ? r.subject.container : ''])).toEqual([
      ['fail', 'init'],
    ]);
  });

  it('passes a host port that the config allows', () => {
    const d = deployment({ containers: [goodContainer('app', { ports: [{ containerPort: 53, hostPort: 53 }] })] });
    expect(statusOf(run(rule, inventory({ kube: [d] }), 'prod', { allowedHostPorts: [53] }), 'api')).toBe('pass');
  });

  it('leaves node agents in kube-system alone', () => {
    const d = deployment({ namespace: 'kube-system', podSpec: { hostNetwork: true } });
    expect(run(rule, inventory({ kube: [d] })).map((r) => r.status)).toEqual(['skip']);
  });
});
