import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/read-only-root-fs.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

describe('security.read-only-root-fs', () => {
  it('passes readOnlyRootFilesystem: true', () => {
    expect(statusOf(run(rule, inventory({ kube: [deployment()] })), 'api')).toBe('pass');
  });

  it('warns when the root filesystem is writable', () => {
    const d = deployment({ containers: [goodContainer('app', { securityContext: { runAsNonRoot: true } })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('warn');
  });
});
