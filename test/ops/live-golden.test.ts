import { afterEach, beforeAll, describe, it } from 'vitest';
import { analyzeCost } from '../../src/ops/cost/analyze.js';
import { liveCostFacts } from '../../src/ops/cost/live-facts.js';
import { costDefaults } from '../../src/ops/cost/params.js';
import { liveDrFacts } from '../../src/ops/dr/live-facts.js';
import { drReport } from '../../src/ops/dr/report.js';
import { generateRunbooks } from '../../src/ops/runbook/generate.js';
import { liveRunbookFacts } from '../../src/ops/runbook/live-facts.js';
import { staticRunbookFacts } from '../../src/ops/runbook/static-facts.js';
import { liveUpgradeFacts } from '../../src/ops/upgrade/live-facts.js';
import { planUpgrade } from '../../src/ops/upgrade/plan.js';
import { costText } from '../../src/report/ops/cost.js';
import { drText } from '../../src/report/ops/dr.js';
import { upgradeText } from '../../src/report/ops/upgrade.js';
import { type AccountMocks, isolateAwsEnv } from '../support/aws-mocks.js';
import type { FakeKubeServer } from '../support/fake-kube-server.js';
import { expectGolden } from '../support/golden.js';
import { exampleEnv, staticInventory } from '../support/live-inventory.js';
import { mockBackupAccount, mockUpgradeAccount, NOW } from '../support/ops-live-account.js';
import { liveShop } from '../support/ops-live-cluster.js';

/*
 * The text the analyses print with --live for the shop cluster on the fake
 * API server (test/support/ops-live-cluster.ts), with AWS left out or the
 * mocked account: docs/ops.md shows these files.
 */
beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

describe('live analysis output (golden)', () => {
  it('cost --live --no-aws', async () => {
    const shop = await liveShop();
    server = shop.server;
    const env = await exampleEnv('prod');
    expectGolden(
      'ops/cost-live.txt',
      costText(analyzeCost(await liveCostFacts(shop.conn, env, { now: NOW }), costDefaults(env))),
    );
  });

  it('upgrade plan --live with the account', async () => {
    mocks = mockUpgradeAccount();
    const shop = await liveShop({}, true);
    server = shop.server;
    const { facts, to } = await liveUpgradeFacts(shop.conn, await exampleEnv('prod'));
    expectGolden('ops/upgrade-live.txt', upgradeText(planUpgrade(facts, { to, isInstalled: () => true })));
  });

  it('dr --live with the account', async () => {
    mocks = mockBackupAccount(10);
    const shop = await liveShop({}, true);
    server = shop.server;
    expectGolden(
      'ops/dr-live.txt',
      drText(drReport(await liveDrFacts(shop.conn, await exampleEnv('prod'), { now: NOW }))),
    );
  });

  it('runbook --live --no-aws: the index, nodes and alarms pages', async () => {
    const shop = await liveShop();
    server = shop.server;
    const env = await exampleEnv('prod');
    const files = generateRunbooks(
      await liveRunbookFacts(shop.conn, env, staticRunbookFacts(env, staticInventory([]))),
    );
    const pages = ['README.md', 'nodes.md', 'alarms.md'].map(
      (p) => `==> ${p} <==\n${files.find((f) => f.path === p)?.content ?? ''}`,
    );
    expectGolden('ops/runbook-live.txt', pages.join('\n'));
  });
});
