import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/secret-env-vars.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

const viaEnv = deployment({
  containers: [
    goodContainer('app', {
      env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
    }),
  ],
});
const viaEnvFrom = deployment({ containers: [goodContainer('app', { envFrom: [{ secretRef: { name: 'db' } }] })] });

describe('security.secret-env-vars', () => {
  it('fails a Secret read through secretKeyRef in prod (pitfall 3)', () => {
    const results = run(rule, inventory({ kube: [viaEnv] }), 'prod');
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-2)).toEqual(['env', 0]);
  });

  it('fails envFrom secretRef in prod and warns in test', () => {
    expect(statusOf(run(rule, inventory({ kube: [viaEnvFrom] }), 'prod'), 'api')).toBe('fail');
    expect(statusOf(run(rule, inventory({ kube: [viaEnvFrom] }), 'test'), 'api')).toBe('warn');
  });

  it('passes Secrets mounted as volumes', () => {
    const d = deployment({
      containers: [goodContainer('app', { volumeMounts: [{ name: 'db', mountPath: '/secrets/db', readOnly: true }] })],
      podSpec: { volumes: [{ name: 'db', secret: { secretName: 'db' } }] },
    });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });
});
