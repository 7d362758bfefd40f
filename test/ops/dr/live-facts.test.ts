import {
  GetBackupSelectionCommand,
  ListRecoveryPointsByBackupVaultCommand,
  ListRestoreJobsCommand,
} from '@aws-sdk/client-backup';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { namesVolume } from '../../../src/ops/dr/coverage.js';
import { liveDrFacts } from '../../../src/ops/dr/live-facts.js';
import { drReport } from '../../../src/ops/dr/report.js';
import { drText } from '../../../src/report/ops/dr.js';
import { type AccountMocks, isolateAwsEnv } from '../../support/aws-mocks.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { exampleEnv } from '../../support/live-inventory.js';
import { mockBackupAccount, NOW } from '../../support/ops-live-account.js';
import { liveShop } from '../../support/ops-live-cluster.js';

beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

describe('live dr facts', () => {
  it('map each claim to its EBS volume, the plan whose tag selection covers it, its latest point and last restore', async () => {
    mocks = mockBackupAccount(10);
    const shop = await liveShop({}, true);
    server = shop.server;
    const facts = await liveDrFacts(shop.conn, await exampleEnv('prod'), { now: NOW });
    expect(facts.volumes.map((v) => [v.claim, v.volumeId, v.tags])).toEqual([
      ['data-postgres-0', 'vol-pg', { backup: 'daily' }],
      ['scratch', 'vol-old', {}],
    ]);
    expect(mocks.backup.commandCalls(ListRecoveryPointsByBackupVaultCommand)[0].args[0].input.BackupVaultName).toBe(
      'v',
    );
    const report = drReport(facts);
    const pg = report.coverage.find((c) => c.claim === 'data-postgres-0');
    expect(pg).toMatchObject({
      status: 'covered',
      plans: [{ name: 'daily', schedule: 'cron(0 3 * * ? *)', retention: '30 days' }],
      latestRecoveryPointAgeHours: 10,
      lastRestoreJob: { status: 'COMPLETED', ageDays: 5 },
    });
    expect(report.problems.map((p) => `${p.code} ${p.object.name}`)).toEqual(['dr.volume-not-covered scratch']);
    expect(report.unknown).toEqual({});
    expect(drText(report)).toMatch(/covered +daily \(cron\(0 3 \* \* \? \*\), 30 days\) +10h ago +COMPLETED, 5d ago/);
    expect(report.coverage[1].why).toBe('its volume vol-old has no tags; the plans select backup=daily');
  });

  it('warn when the latest completed recovery point is older than the schedule allows', async () => {
    mocks = mockBackupAccount(40);
    const shop = await liveShop({}, true);
    server = shop.server;
    const report = drReport(await liveDrFacts(shop.conn, await exampleEnv('prod'), { now: NOW }));
    expect(report.problems.map((p) => `${p.severity} ${p.code} ${p.object.name}`)).toContain(
      'warning dr.recovery-point-old data-postgres-0',
    );
  });

  it('cover a volume a selection names by ARN, and warn when a covered volume has no recovery point', async () => {
    mocks = mockBackupAccount(10);
    mocks.backup.on(GetBackupSelectionCommand).resolves({
      BackupSelection: {
        SelectionName: 'by-arn',
        IamRoleArn: 'arn:role',
        Resources: ['arn:aws:ec2:*:*:volume/vol-old'],
      },
    });
    const shop = await liveShop({}, true);
    server = shop.server;
    const report = drReport(await liveDrFacts(shop.conn, await exampleEnv('prod'), { now: NOW }));
    expect(report.coverage.map((c) => `${c.claim} ${c.status}`)).toEqual([
      'data-postgres-0 not covered',
      'scratch covered',
    ]);
    expect(report.problems.map((p) => `${p.code} ${p.object.name}`)).toEqual([
      'dr.volume-not-covered data-postgres-0',
      'dr.no-recovery-point scratch',
    ]);
  });

  it('mark a forbidden kind and a denied AWS Backup call unknown with the reason, and AWS left out as unknown', async () => {
    mocks = mockBackupAccount(10);
    mocks.backup.on(ListRestoreJobsCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const shop = await liveShop({ forbidden: ['StatefulSet'] }, true);
    server = shop.server;
    const facts = await liveDrFacts(shop.conn, await exampleEnv('prod'), { now: NOW });
    expect(facts.unread).toEqual({ StatefulSet: 'forbidden: list statefulsets.apps at cluster scope (RBAC)' });
    expect(facts.recovery).toEqual({
      state: 'unknown',
      reason:
        'AWS Backup recovery points and restore jobs: AccessDenied: backup:ListRestoreJobs (the verifier policy grants it)',
    });
    const report = drReport(facts);
    expect(Object.keys(report.unknown).sort()).toEqual(['kubernetes.StatefulSet', 'recovery']);
    await server.close();

    const noAws = await liveShop();
    server = noAws.server;
    const offline = drReport(await liveDrFacts(noAws.conn, await exampleEnv('prod'), { now: NOW }));
    expect(offline.unknown.plans).toBe('AWS Backup plans: AWS was not read (--no-aws)');
    expect(offline.coverage.every((c) => c.status === 'unknown')).toBe(true);
  });

  it('match selection ARNs by service and volume, with * as a wildcard', () => {
    expect(namesVolume('arn:aws:ec2:us-east-1:123456789012:volume/vol-1', 'vol-1')).toBe(true);
    expect(namesVolume('arn:aws:ec2:*:*:volume/*', 'vol-1')).toBe(true);
    expect(namesVolume('*', 'vol-1')).toBe(true);
    expect(namesVolume('arn:aws:ec2:us-east-1:123456789012:volume/vol-2', 'vol-1')).toBe(false);
    expect(namesVolume('arn:aws:rds:us-east-1:123456789012:db:orders', 'vol-1')).toBe(false);
    expect(namesVolume('arn:aws:ec2:*:*:volume/*', undefined)).toBe(false);
  });
});
