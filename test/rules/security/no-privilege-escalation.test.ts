import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/no-privilege-escalation.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

describe('security.no-privilege-escalation', () => {
  it('passes allowPrivilegeEscalation: false', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('pass');
  });

  it('fails a privileged container', () => {
    const d = deployment({ containers: [goodContainer('app', { securityContext: { privileged: true } })] });
    const results = run(rule, inventory({ kube: [d] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-2)).toEqual(['securityContext', 'privileged']);
  });

  it('warns when allowPrivilegeEscalation is not switched off', () => {
    const d = deployment({ containers: [goodContainer('app', { securityContext: {} })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('warn');
  });

  it('ignores kube-system, where node agents need privileges', () => {
    const d = deployment({
      namespace: 'kube-system',
      containers: [goodContainer('app', { securityContext: { privileged: true } })],
    });
    expect(run(rule, inventory({ kube: [d] })).map((r) => r.status)).toEqual(['skip']);
  });
});
