import { describe, expect, it } from 'vitest';
import { opsExitCode } from '../../src/ops/exit-code.js';
import { known, unknownFact } from '../../src/ops/facts.js';
import { refreshPlan } from '../../src/ops/secrets/refresh-plan.js';
import { pathPrefixOf, secretsStatus } from '../../src/ops/secrets/status.js';
import { renderRefreshPlan, renderSecretsTable } from '../../src/report/ops/secrets.js';
import { expectGolden } from '../support/golden.js';
import { badMorningKube, secretsInput } from '../support/ops-fixtures.js';

const codes = (r: ReturnType<typeof secretsStatus>, name: string) =>
  r.problems
    .filter((p) => p.object.name === name)
    .map((p) => p.code)
    .sort();

describe('secrets status on the bad-morning cluster', () => {
  const report = secretsStatus(secretsInput());

  it('lists every ExternalSecret with store, refresh interval, Ready, last sync and target', () => {
    expect(report.externalSecrets.map((e) => `${e.namespace}/${e.name}`)).toEqual([
      'payments/ledger-db',
      'shop/cart-redis',
      'shop/checkout-config',
      'web/frontend-env',
    ]);
    const checkout = report.externalSecrets.find((e) => e.name === 'checkout-config');
    expect(checkout).toMatchObject({
      store: { kind: 'ClusterSecretStore', name: 'prod-secrets', found: true },
      refreshInterval: '1h',
      ready: { status: 'True', reason: 'SecretSynced' },
      lastSync: '2026-12-03T08:41:00Z',
      lastSyncAge: 19 * 60,
      target: { name: 'checkout-config', present: true },
    });
    expect(checkout?.remoteKeys[0]).toMatchObject({ key: 'EKS/prod/shop/checkout', state: 'exists', inPath: true });
  });

  it('explains the IAM denial by the missing Pod Identity association of the store identity (joined)', () => {
    const p = report.problems.find((x) => x.object.name === 'ledger-db');
    expect(p?.code).toBe('externalsecret.no-pod-identity');
    expect(p?.source).toBe('joined');
    expect(p?.cause).toContain('payments/ledger-secrets');
    expect(p?.next).toContain('create-pod-identity-association');
  });

  it('blames the role policy when the store identity does have an association', () => {
    const assoc = [
      {
        namespace: 'payments',
        serviceAccount: 'ledger-secrets',
        roleArn: 'arn:aws:iam::123456789012:role/prod-eks-payments-secrets',
      },
    ];
    const r = secretsStatus(secretsInput({ podIdentityAssociations: known(assoc) }));
    const p = r.problems.find((x) => x.object.name === 'ledger-db');
    expect(p?.code).toBe('externalsecret.access-denied');
    expect(p?.cause).toContain('prod-eks-payments-secrets');
  });

  it('reports the missing store, the missing remote key and the key outside EKS/prod/*', () => {
    expect(codes(report, 'frontend-env')).toEqual([
      'externalsecret.path-outside-environment',
      'externalsecret.remote-key-missing',
      'externalsecret.store-missing',
    ]);
  });

  it('warns of a remote key scheduled for deletion while the ExternalSecret is still Ready', () => {
    expect(codes(report, 'cart-redis')).toEqual(['externalsecret.remote-key-deleting']);
    expect(codes(report, 'checkout-config')).toEqual([]);
  });

  it('flags a sync older than the stale threshold of refresh intervals', () => {
    const stale = secretsStatus(secretsInput({ now: '2026-12-03T13:00:00Z' }));
    expect(codes(stale, 'checkout-config')).toEqual(['externalsecret.stale']);
    expect(
      codes(
        secretsStatus(secretsInput({ now: '2026-12-03T13:00:00Z' }), { staleAfterIntervals: 10 }),
        'checkout-config',
      ),
    ).toEqual([]);
  });

  it('takes the environment path from the template parameter', () => {
    expect(pathPrefixOf('test')).toBe('EKS/test/');
    const r = secretsStatus(secretsInput({ environment: 'test' }));
    expect(r.problems.filter((p) => p.code === 'externalsecret.path-outside-environment')).toHaveLength(4);
  });

  it('marks the Secrets Manager side unknown without AWS credentials and exits 1, keeping the Kubernetes side', () => {
    const r = secretsStatus(secretsInput({ secretsManager: unknownFact('no AWS credentials') }));
    expect(r.externalSecrets.every((e) => e.remoteKeys.every((k) => k.state === 'unknown'))).toBe(true);
    expect(r.unknown).toEqual({ secretsManager: 'no AWS credentials' });
    expect(opsExitCode(r.problems, r.unknown)).toBe(1);
  });

  it('never carries a secret value: no data field reaches the report', () => {
    const kube = badMorningKube();
    const withData = kube.objects.Secret.map((s) => ({ ...s, data: { password: 'aHVudGVyMg==' } }));
    const r = secretsStatus(secretsInput({ secrets: known(withData) }));
    const text = JSON.stringify(r) + renderSecretsTable(r, { color: false });
    expect(text).not.toContain('aHVudGVyMg==');
  });

  it('renders the terminal table (golden)', () => {
    expectGolden('ops/secrets.txt', renderSecretsTable(report, { color: false }));
  });
});

describe('secrets refresh plan', () => {
  const all = badMorningKube().objects.ExternalSecret;

  it('plans one force-sync merge patch per named ExternalSecret, stamped with now in epoch seconds', () => {
    const plan = refreshPlan(all, ['payments/ledger-db', 'checkout-config'], {
      now: '2026-12-03T09:00:00Z',
      namespace: 'shop',
    });
    expect(plan.patches.map((p) => `${p.object.namespace}/${p.object.name}`)).toEqual([
      'payments/ledger-db',
      'shop/checkout-config',
    ]);
    expect(plan.patches[0]).toEqual({
      object: { kind: 'ExternalSecret', name: 'ledger-db', namespace: 'payments' },
      apiVersion: 'external-secrets.io/v1',
      patchType: 'application/merge-patch+json',
      body: { metadata: { annotations: { 'force-sync': '1796288400' } } },
    });
    expect(plan.notFound).toEqual([]);
  });

  it('names what it could not find and patches nothing for it', () => {
    const plan = refreshPlan(all, ['shop/nope'], { now: '2026-12-03T09:00:00Z' });
    expect(plan.patches).toEqual([]);
    expect(plan.notFound).toEqual(['shop/nope']);
    expect(renderRefreshPlan(plan, { color: false })).toContain('not found: ExternalSecret shop/nope');
  });

  it('refuses a bare name that exists in several namespaces', () => {
    const twin = { ...all[1], metadata: { ...all[1].metadata, namespace: 'staging' } };
    const plan = refreshPlan([...all, twin], ['checkout-config'], { now: '2026-12-03T09:00:00Z' });
    expect(plan.patches).toEqual([]);
    expect(plan.ambiguous[0]).toContain('shop, staging');
  });

  it('patches each object once even when it is named twice', () => {
    const plan = refreshPlan(all, ['shop/cart-redis', 'cart-redis'], {
      now: '2026-12-03T09:00:00Z',
      namespace: 'shop',
    });
    expect(plan.patches).toHaveLength(1);
  });
});
