import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/capabilities.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

function withCaps(capabilities: Record<string, string[]>) {
  const securityContext = { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities };
  return inventory({ kube: [deployment({ containers: [goodContainer('app', { securityContext })] })] });
}

describe('security.capabilities', () => {
  it('passes a container that drops ALL and adds back only NET_BIND_SERVICE', () => {
    expect(statusOf(run(rule, withCaps({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] })), 'api')).toBe('pass');
  });

  it.each(['SYS_ADMIN', 'NET_ADMIN', 'NET_RAW', 'cap_sys_ptrace'])(
    'fails a container that adds %s in test and prod (baseline)',
    (cap) => {
      const inv = withCaps({ drop: ['ALL'], add: [cap] });
      expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
      expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('fail');
    },
  );

  it('fails in prod and warns in test when ALL is not dropped (restricted)', () => {
    const inv = withCaps({ drop: ['NET_ADMIN'] });
    expect(statusOf(run(rule, inv, 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('warn');
  });

  it('names the runtime defaults a container keeps when it drops some by name but not ALL', () => {
    const [r] = run(rule, withCaps({ drop: ['net_raw', 'CAP_SYS_CHROOT'] }), 'prod');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('CHOWN');
    expect(r.message).not.toMatch(/NET_RAW|SYS_CHROOT/);
  });

  it('still fails a container that drops each runtime default by name but not ALL (restricted asks for ALL)', () => {
    const everyDefault = ['audit_write', 'chown', 'dac_override', 'fowner', 'fsetid', 'kill', 'mknod'].concat([
      'net_bind_service',
      'NET_RAW',
      'setfcap',
      'SETGID',
      'setpcap',
      'setuid',
      'CAP_SYS_CHROOT',
    ]);
    const [r] = run(rule, withCaps({ drop: everyDefault }), 'prod');
    expect(r.status).toBe('fail');
    expect(r.message).not.toContain('keeps');
  });

  it('warns in test about adding a default capability beyond NET_BIND_SERVICE (restricted)', () => {
    const inv = withCaps({ drop: ['ALL'], add: ['CHOWN'] });
    expect(statusOf(run(rule, inv, 'test'), 'api')).toBe('warn');
    expect(run(rule, inv, 'test')[0].path?.slice(-1)).toEqual(['add']);
  });

  it('lets the config make restricted breaches warnings in prod', () => {
    expect(statusOf(run(rule, withCaps({}), 'prod', { restricted: 'warn' }), 'api')).toBe('warn');
  });
});
