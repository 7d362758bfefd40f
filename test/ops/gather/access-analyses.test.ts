import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kindInfo, knownKinds } from '../../../src/kube/kinds.js';
import type { LiveConnection } from '../../../src/live/connect.js';
import { liveCostFacts } from '../../../src/ops/cost/live-facts.js';
import { liveDrFacts } from '../../../src/ops/dr/live-facts.js';
import { OPS_ACCESS } from '../../../src/ops/gather/access.js';
import { liveUpgradeFacts } from '../../../src/ops/upgrade/live-facts.js';
import { type AccountMocks, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { exampleEnv } from '../../support/live-inventory.js';
import { mockBackupAccount, mockUpgradeAccount, NOW } from '../../support/ops-live-account.js';
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

type Analysis = 'cost' | 'upgrade' | 'dr';
const analyses: Record<Analysis, { mock: () => AccountMocks; run: (c: LiveConnection) => Promise<unknown> }> = {
  cost: { mock: mockAccount, run: async (c) => liveCostFacts(c, await exampleEnv('prod'), { now: NOW }) },
  upgrade: { mock: mockUpgradeAccount, run: async (c) => liveUpgradeFacts(c, await exampleEnv('prod')) },
  dr: { mock: () => mockBackupAccount(10), run: async (c) => liveDrFacts(c, await exampleEnv('prod'), { now: NOW }) },
};

/** The kind a list path names (`/apis/apps/v1/namespaces/x/deployments` → Deployment). */
function kindOfPath(path: string): string | undefined {
  const clean = path.split('?')[0];
  const m = clean.match(/^\/apis?\/(?:([^/]+)\/)?v[^/]+\/(?:namespaces\/[^/]+\/)?([^/]+)$/);
  if (!m) return undefined;
  const group = clean.startsWith('/api/') ? '' : (m[1] ?? '');
  return knownKinds().find((k) => kindInfo(k)?.plural === m[2] && kindInfo(k)?.group === group);
}

describe('the access each live analysis declares', () => {
  for (const [command, { mock, run }] of Object.entries(analyses) as [Analysis, (typeof analyses)['cost']][])
    it(`${command}: every AWS call and every kind listed is declared, and every request is a GET`, async () => {
      mocks = mock();
      const shop = await liveShop({}, true);
      server = shop.server;
      await run(shop.conn);
      const calls = new Set(shop.conn.aws?.reader.calls);
      expect(calls.size).toBeGreaterThan(0);
      for (const action of calls) expect(OPS_ACCESS[command].aws, action).toContain(action);
      const listed = new Set(server.log.map((r) => kindOfPath(r.path)).filter((k) => k !== undefined));
      expect(listed.size).toBeGreaterThan(0);
      for (const kind of listed) expect(OPS_ACCESS[command].kinds, kind).toContain(kind);
      expect(server.log.every((r) => r.method === 'GET')).toBe(true);
      const metrics = server.log.some((r) => r.path.startsWith('/apis/metrics.k8s.io/'));
      expect(metrics).toBe(OPS_ACCESS[command].subresources.some((s) => s.startsWith('metrics.k8s.io/')));
    });
});
