import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive, type LiveConnection } from '../../../src/live/connect.js';
import { gatherDoctor } from '../../../src/ops/doctor/gather.js';
import { OPS_ACCESS } from '../../../src/ops/gather/access.js';
import { gatherImages } from '../../../src/ops/images/gather.js';
import { gatherLogs } from '../../../src/ops/logs/gather.js';
import { liveRunbookFacts } from '../../../src/ops/runbook/live-facts.js';
import { staticRunbookFacts } from '../../../src/ops/runbook/static-facts.js';
import { gatherSecrets } from '../../../src/ops/secrets/gather.js';
import { gatherStatus } from '../../../src/ops/status/gather.js';
import { isolateAwsEnv } from '../../support/aws-mocks.js';
import { type BadMorningAws, mockBadMorningAws, startBadMorningServer } from '../../support/bad-morning-live.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { exampleEnv, staticInventory } from '../../support/live-inventory.js';
import { badMorningKube, ECR_REGISTRY } from '../../support/ops-fixtures.js';

const { now, cluster } = badMorningKube();
let server: FakeKubeServer;
let aws: BadMorningAws;

beforeEach(async () => {
  isolateAwsEnv();
  aws = mockBadMorningAws();
  server = await startBadMorningServer();
});
afterEach(async () => {
  aws.restore();
  await server.close();
});

type Gathered = 'status' | 'doctor' | 'secrets' | 'images' | 'logs' | 'runbook';
const gatherers: Record<Gathered, (c: LiveConnection) => Promise<unknown>> = {
  status: (c) => gatherStatus(c, { cluster, now }),
  doctor: (c) => gatherDoctor(c, { cluster, now, target: { kind: 'Deployment', name: 'checkout', namespace: 'shop' } }),
  secrets: (c) => gatherSecrets(c, { environment: 'prod', cluster, now }),
  images: (c) => gatherImages(c, { environment: { name: 'prod', production: true, registries: [ECR_REGISTRY] } }),
  logs: (c) => gatherLogs(c, { cluster, now, sinceSeconds: 3600, app: { namespace: 'shop', name: 'checkout' } }),
  runbook: async (c) => {
    const env = { ...(await exampleEnv('prod')), clusterName: cluster };
    return liveRunbookFacts(c, env, staticRunbookFacts(env, staticInventory([])));
  },
};

describe('the access each day-2 command declares', () => {
  for (const [command, gather] of Object.entries(gatherers) as [Gathered, typeof gatherers.status][])
    it(`${command}: every AWS call is a declared read, and every request is a GET`, async () => {
      const conn = await connectLive({ kubeconfig: server.kubeconfigPath, aws: { clients: aws.clients } });
      await gather(conn);
      const calls = new Set(conn.aws?.reader.calls);
      expect(calls.size).toBeGreaterThan(0);
      for (const action of calls) expect(OPS_ACCESS[command].aws, action).toContain(action);
      expect([...calls].some((a) => a.includes('GetSecretValue'))).toBe(false);
      expect(server.log.every((r) => r.method === 'GET')).toBe(true);
      const logs = server.log.some((r) => r.path.endsWith('/log'));
      expect(logs).toBe(OPS_ACCESS[command].subresources.includes('pods/log'));
    });
});
