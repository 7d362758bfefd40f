import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/no-plain-secrets.js';
import { deployment, goodContainer, inventory, kobj, run, statusOf } from '../helpers.js';

describe('security.no-plain-secrets', () => {
  it('fails a literal DB_PASSWORD env value', () => {
    const d = deployment({ containers: [goodContainer('app', { env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })] });
    const results = run(rule, inventory({ kube: [d] }));
    expect(statusOf(results, 'api')).toBe('fail');
    expect(results[0].path?.slice(-3)).toEqual(['env', 0, 'value']);
  });

  it.each([
    ['an Azure Storage account key', 'AZURE_STORAGE_ACCOUNT_KEY'],
    ['an Azure SDK key variable', 'AZURE_COSMOS_KEY'],
    ['a GCP service account key', 'GCP_SERVICE_ACCOUNT_KEY'],
    ['a master key', 'SEARCH_MASTER_KEY'],
    ['the content of a key file', 'OCI_CLI_KEY_CONTENT'],
  ])('fails %s held as a literal env value', (_, name) => {
    const d = deployment({ containers: [goodContainer('app', { env: [{ name, value: 'not-a-real-key' }] })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('fail');
  });

  it.each([
    ['a reference name', { name: 'DB_PASSWORD_FILE', value: '/secrets/db/password' }],
    ['a key name that holds no credential', { name: 'CACHE_KEY_PREFIX', value: 'orders' }],
    ['the name of a storage key kept elsewhere', { name: 'STORAGE_KEY_NAME', value: 'primary' }],
    ['a non-secret name', { name: 'LOG_LEVEL', value: 'info' }],
    ['a value from a Secret', { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
  ])('passes %s', (_, env) => {
    const d = deployment({ containers: [goodContainer('app', { env: [env] })] });
    expect(statusOf(run(rule, inventory({ kube: [d] })), 'api')).toBe('pass');
  });

  it('fails a ConfigMap holding an API key and passes a plain one', () => {
    const bad = kobj('ConfigMap', 'settings', { data: { STRIPE_API_KEY: 'sk_live_abc', REGION: 'us-east-1' } });
    const good = kobj('ConfigMap', 'plain', { data: { REGION: 'us-east-1', SECRET_NAME: 'EKS/prod/api/db' } });
    const results = run(rule, inventory({ kube: [bad, good] }));
    expect(statusOf(results, 'settings')).toBe('fail');
    expect(statusOf(results, 'plain')).toBe('pass');
  });

  it('fails a ConfigMap holding a cloud account key under its variable name', () => {
    const cm = kobj('ConfigMap', 'cloud', {
      data: { AZURE_BATCH_ACCOUNT_KEY: 'not-a-real-key', REGION: 'westeurope' },
    });
    const results = run(rule, inventory({ kube: [cm] }));
    expect(statusOf(results, 'cloud')).toBe('fail');
    expect(results[0].path).toEqual(['data', 'AZURE_BATCH_ACCOUNT_KEY']);
  });

  it('fails a Secret manifest with data in static files, but not one an ExternalSecret owns', () => {
    const plain = kobj('Secret', 'db', { data: { password: Buffer.from('x').toString('base64') } });
    const owned = kobj('Secret', 'synced', {
      metadata: { ownerReferences: [{ kind: 'ExternalSecret', name: 'synced', controller: true }] },
      data: { password: Buffer.from('x').toString('base64') },
    });
    const results = run(rule, inventory({ kube: [plain, owned] }));
    expect(statusOf(results, 'db')).toBe('fail');
    expect(statusOf(results, 'synced')).toBeUndefined();
  });

  it.each([
    [{ password: 'x' }, 'password looks sensitive'],
    [{ LOG_LEVEL: 'info', REGION: 'eu-west-1' }, 'LOG_LEVEL and REGION look like config data'],
    [{ api_key: 'x', LOG_LEVEL: 'info' }, 'api_key looks sensitive; LOG_LEVEL looks like config data'],
  ])('fails a Secret manifest holding %j and says what it found', (stringData, said) => {
    const [r] = run(rule, inventory({ kube: [kobj('Secret', 'db', { stringData })] }));
    expect(r.status).toBe('fail');
    expect(r.message).toContain(said);
  });

  it('does not judge Secrets read from a live cluster', () => {
    const plain = kobj('Secret', 'db', { data: { password: Buffer.from('x').toString('base64') } });
    const results = run(
      rule,
      inventory({ kube: [plain, deployment()], mode: 'live', kubeKinds: ['Secret', 'Deployment'] }),
    );
    expect(statusOf(results, 'db')).toBeUndefined();
  });
});
