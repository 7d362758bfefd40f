import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/run-as-non-root.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

describe('security.run-as-non-root', () => {
  it('passes runAsNonRoot on the container', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('pass');
  });

  it('passes runAsNonRoot set on the pod', () => {
    const d = deployment({
      containers: [goodContainer('app', { securityContext: {} })],
      podSpec: { securityContext: { runAsNonRoot: true } },
    });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('warns when nothing prevents root, or runAsUser is 0', () => {
    const none = deployment({ containers: [goodContainer('app', { securityContext: undefined })] });
    const root = deployment({
      name: 'root',
      containers: [goodContainer('app', { securityContext: { runAsNonRoot: true, runAsUser: 0 } })],
    });
    const results = run(rule, inventory({ kube: [none, root] }));
    expect(statusOf(results, 'api')).toBe('warn');
    expect(statusOf(results, 'root')).toBe('warn');
  });
});
