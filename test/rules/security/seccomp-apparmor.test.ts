import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/seccomp-apparmor.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

const hardened = { runAsNonRoot: true, allowPrivilegeEscalation: false };

describe('security.seccomp-apparmor', () => {
  it('passes a pod under RuntimeDefault', () => {
    const d = deployment({ podSpec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } } });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('passes a container with its own Localhost profile', () => {
    const securityContext = { ...hardened, seccompProfile: { type: 'Localhost', localhostProfile: 'app.json' } };
    const d = deployment({ containers: [goodContainer('app', { securityContext })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('fails in prod and warns in test when no seccomp profile is set (restricted)', () => {
    const inv = inventory({ kube: [deployment()] });
    expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('warn');
  });

  it('fails an Unconfined seccomp profile in test as well (baseline)', () => {
    const securityContext = { ...hardened, seccompProfile: { type: 'Unconfined' } };
    const d = deployment({ containers: [goodContainer('app', { securityContext })] });
    expect(statusOf(run(rule, inventory({ kube: [d] }), 'test'), 'api')).toBe('fail');
  });

  it('fails an Unconfined AppArmor profile in the securityContext', () => {
    const d = deployment({
      podSpec: {
        securityContext: { seccompProfile: { type: 'RuntimeDefault' }, appArmorProfile: { type: 'Unconfined' } },
      },
    });
    expect(statusOf(run(rule, inventory({ kube: [d] }), 'test'), 'api')).toBe('fail');
  });

  it('fails the legacy unconfined AppArmor and seccomp annotations', () => {
    const apparmor = deployment({
      podSpec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      podAnnotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
    });
    const seccomp = deployment({
      name: 'web',
      podSpec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      podAnnotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
    });
    const results = run(rule, inventory({ kube: [apparmor, seccomp] }), 'test');
    expect(statusOf(results, 'api')).toBe('fail');
    expect(statusOf(results, 'web')).toBe('fail');
  });
});
