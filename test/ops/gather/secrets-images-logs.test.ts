import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive } from '../../../src/live/connect.js';
import { opsExitCode } from '../../../src/ops/exit-code.js';
import { gatherImages } from '../../../src/ops/images/gather.js';
import { imagesReport } from '../../../src/ops/images/images.js';
import { gatherLogs } from '../../../src/ops/logs/gather.js';
import { logsReport } from '../../../src/ops/logs/logs.js';
import { gatherSecrets } from '../../../src/ops/secrets/gather.js';
import { secretsStatus } from '../../../src/ops/secrets/status.js';
import { isolateAwsEnv } from '../../support/aws-mocks.js';
import { type BadMorningAws, mockBadMorningAws, startBadMorningServer } from '../../support/bad-morning-live.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { badMorningKube, ECR_REGISTRY } from '../../support/ops-fixtures.js';

const { now, cluster } = badMorningKube();
let server: FakeKubeServer;
let aws: BadMorningAws;

beforeEach(() => {
  isolateAwsEnv();
  aws = mockBadMorningAws();
});
afterEach(async () => {
  aws.restore();
  await server?.close();
});

const ids = (problems: readonly { code: string; object: { namespace?: string; name: string } }[]) =>
  problems.map((p) => `${p.code} ${p.object.namespace ?? ''}/${p.object.name}`);

async function connect(options: { aws?: boolean; namespace?: string } = {}) {
  return connectLive({
    kubeconfig: server.kubeconfigPath,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    aws: options.aws === false ? false : { clients: aws.clients },
  });
}

describe('gatherSecrets', () => {
  it('joins ExternalSecrets with DescribeSecret and the Pod Identity associations, and never asks for a value', async () => {
    server = await startBadMorningServer();
    const report = secretsStatus(await gatherSecrets(await connect(), { environment: 'prod', cluster, now }));
    expect(report.unknown).toEqual({});
    expect(report.externalSecrets.map((e) => `${e.namespace}/${e.name}`)).toEqual(
      expect.arrayContaining(['web/frontend-env', 'payments/ledger-db', 'shop/checkout-config', 'shop/cart-redis']),
    );
    const found = ids(report.problems);
    expect(found).toContain('externalsecret.path-outside-environment web/frontend-env');
    expect(found.some((p) => p.startsWith('externalsecret.') && p.endsWith('web/frontend-env'))).toBe(true);
    expect(opsExitCode(report.problems, report.unknown)).toBe(2);
    const sent = aws.commandNames();
    expect(sent).toContain('DescribeSecretCommand');
    expect(sent.some((c) => /GetSecretValue/.test(c))).toBe(false);
    expect(JSON.stringify(report)).not.toContain('(redacted)');
  });

  it('a forbidden ExternalSecret list is unknown with the reason, and AWS is not asked about keys it cannot know', async () => {
    server = await startBadMorningServer({ forbidden: ['ExternalSecret'] });
    const report = secretsStatus(await gatherSecrets(await connect(), { environment: 'prod', cluster, now }));
    expect(report.unknown.externalSecrets).toMatch(/^forbidden: /);
    expect(opsExitCode(report.problems, report.unknown)).toBe(1);
    expect(aws.commandNames()).not.toContain('DescribeSecretCommand');
  });
});

describe('gatherImages', () => {
  const environment = { name: 'prod', production: true, registries: [ECR_REGISTRY] };

  it('finds the running image with critical findings, named by its CVE ids, from ECR through the mocked account', async () => {
    server = await startBadMorningServer();
    const report = imagesReport(await gatherImages(await connect(), { environment }));
    expect(report.unknown).toEqual({});
    const critical = report.problems.find((p) => p.code === 'image.critical-findings');
    expect(critical?.object).toMatchObject({ namespace: 'payments', name: 'ledger' });
    const ledger = report.images.find((i) => i.repository === 'ledger');
    expect(ledger?.ecr?.scan?.criticalIds).toEqual(['CVE-2024-3094', 'CVE-2024-6387', 'CVE-2025-32463']);
    expect(ids(report.problems)).toContain('image.tag-not-found web/frontend');
    expect(ids(report.problems).some((p) => p.startsWith('image.outside-registries'))).toBe(true);
    expect(opsExitCode(report.problems, report.unknown)).toBe(2);
  });

  it('without AWS the ECR side is unknown with the reason and the images are still listed', async () => {
    server = await startBadMorningServer();
    const report = imagesReport(await gatherImages(await connect({ aws: false }), { environment }));
    expect(report.unknown).toEqual({ ecr: 'AWS was not read (--no-aws)' });
    expect(report.images.length).toBeGreaterThan(5);
    expect(report.problems.some((p) => p.code === 'image.critical-findings')).toBe(false);
  });
});

describe('gatherLogs', () => {
  it("reads the crash-looping container's previous log and the last hour's errors of the app", async () => {
    server = await startBadMorningServer();
    const input = await gatherLogs(await connect(), {
      cluster,
      now,
      sinceSeconds: 3600,
      app: { namespace: 'shop', name: 'checkout' },
    });
    const report = logsReport(input);
    expect(report.unknown).toEqual({});
    const crash = report.problems.find((p) => p.code === 'logs.crash-loop');
    expect(crash?.object.name).toBe('checkout-7d9f8b6c5d-x2k4p');
    expect(crash?.cause).toMatch(/^previous log: /);
    expect(report.errors.total).toBeGreaterThan(0);
    const previous = server.log.filter((r) => r.path.endsWith('/log'));
    expect(previous.map((r) => r.query.previous)).toEqual(['true']);
    expect(previous[0].path).toBe('/api/v1/namespaces/shop/pods/checkout-7d9f8b6c5d-x2k4p/log');
  });

  it('lines older than the window are not asked of CloudWatch: a one-minute window holds fewer errors', async () => {
    server = await startBadMorningServer();
    const conn = await connect();
    const hour = logsReport(await gatherLogs(conn, { cluster, now, sinceSeconds: 3600 }));
    const day = logsReport(await gatherLogs(conn, { cluster, now, sinceSeconds: 86400, maxEvents: 1000 }));
    expect(day.errors.total).toBeGreaterThan(hour.errors.total);
  });
});
