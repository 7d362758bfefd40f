import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/pod-security-context.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

const hardened = { runAsNonRoot: true, allowPrivilegeEscalation: false };

function withContainerContext(extra: Record<string, unknown>) {
  return inventory({
    kube: [deployment({ containers: [goodContainer('app', { securityContext: { ...hardened, ...extra } })] })],
  });
}

function withPodContext(securityContext: Record<string, unknown>) {
  return inventory({ kube: [deployment({ podSpec: { securityContext } })] });
}

describe('security.pod-security-context', () => {
  it('passes safe sysctls, the default procMount, an allowed SELinux type and a non-root group', () => {
    const inv = withPodContext({
      runAsGroup: 1000,
      sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }],
      seLinuxOptions: { type: 'container_t', level: 's0:c123,c456' },
    });
    expect(statusOf(run(rule, inv), 'api')).toBe('pass');
  });

  it('fails an Unmasked procMount in test (baseline)', () => {
    expect(statusOf(run(rule, withContainerContext({ procMount: 'Unmasked' }), 'test'), 'api')).toBe('fail');
  });

  it('fails an unsafe sysctl', () => {
    const inv = withPodContext({ sysctls: [{ name: 'kernel.msgmax', value: '65536' }] });
    const results = run(rule, inv, 'test');
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-2)).toEqual(['sysctls', 0]);
  });

  it.each([{ type: 'spc_t' }, { user: 'system_u' }, { role: 'sysadm_r' }])(
    'fails SELinux options %j (baseline)',
    (seLinuxOptions) => {
      expect(statusOf(run(rule, withContainerContext({ seLinuxOptions }), 'test'), 'api')).toBe('fail');
      expect(statusOf(run(rule, withPodContext({ seLinuxOptions }), 'test'), 'api')).toBe('fail');
    },
  );

  it('fails runAsGroup 0 in prod and warns in test (restricted)', () => {
    const inv = withContainerContext({ runAsGroup: 0 });
    expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('warn');
  });
});
