import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { connectLive } from '../../../src/live/connect.js';
import { OPS_ACCESS } from '../../../src/ops/gather/access.js';
import { generateRunbooks } from '../../../src/ops/runbook/generate.js';
import { liveRunbookFacts, RUNBOOK_KINDS } from '../../../src/ops/runbook/live-facts.js';
import { staticRunbookFacts } from '../../../src/ops/runbook/static-facts.js';
import { type AccountMocks, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';
import {
  BUILTIN_RESOURCES,
  CRD_RESOURCES,
  type FakeKubeOptions,
  type FakeKubeServer,
  METRICS_RESOURCES,
  startFakeKubeServer,
} from '../../support/fake-kube-server.js';
import { exampleEnv, staticInventory } from '../../support/live-inventory.js';
import { liveShopObjects } from '../../support/ops-live-cluster.js';

beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

const CLUSTER = 'shop-prod';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-prod-alarms';

/** The shop cluster plus a CronJob, a DaemonSet and an ExternalSecret, and a runbook annotation on api. */
function objects(): Record<string, Record<string, unknown>[]> {
  const base = liveShopObjects();
  const [api] = base.Deployment as { metadata: Record<string, unknown> }[];
  api.metadata.annotations = { 'slipway.io/runbook': 'runbooks/prod/apps/backend-api.md' };
  const template = (name: string) => ({
    metadata: { labels: { app: name } },
    spec: { containers: [{ name, image: `example/${name}:1.0.0` }] },
  });
  return {
    ...base,
    CronJob: [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'report', namespace: 'backend' },
        spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: template('report') } } },
      },
    ],
    DaemonSet: [
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace: 'backend' },
        spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') },
      },
    ],
    ExternalSecret: [
      {
        apiVersion: 'external-secrets.io/v1beta1',
        kind: 'ExternalSecret',
        metadata: { name: 'api-db', namespace: 'backend' },
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets' },
          target: { name: 'api-db' },
          data: [{ secretKey: 'url', remoteRef: { key: 'EKS/prod/api/db' } }],
        },
      },
    ],
  };
}

async function env(): Promise<EnvironmentConfig> {
  return { ...(await exampleEnv('prod')), clusterName: CLUSTER };
}

/** What the config expects: a Deployment web, an ExternalSecret, a log group and an alarm the account lacks. */
function expectedOf(e: EnvironmentConfig) {
  return staticRunbookFacts(
    e,
    staticInventory([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'x' }] } },
        },
      },
    ]),
  );
}

function mockRunbookAccount(): AccountMocks {
  const m = mockAccount();
  m.logs.on(DescribeLogGroupsCommand).callsFake((input: { logGroupNamePrefix: string }) => ({
    logGroups: input.logGroupNamePrefix.startsWith('/aws/containerinsights/')
      ? [
          { logGroupName: `/aws/containerinsights/${CLUSTER}/performance`, retentionInDays: 7 },
          { logGroupName: `/aws/containerinsights/${CLUSTER}/application`, retentionInDays: 30 },
        ]
      : [{ logGroupName: `/aws/eks/${CLUSTER}/cluster` }],
  }));
  m.cloudwatch.on(DescribeAlarmsCommand).resolves({
    MetricAlarms: [
      {
        AlarmName: `${CLUSTER}-node-cpu`,
        AlarmDescription: 'Node CPU at or above 80% for 10 minutes',
        MetricName: 'node_cpu_utilization',
        Threshold: 80,
        StateValue: 'OK',
        AlarmActions: [TOPIC],
        OKActions: [TOPIC],
      },
      {
        AlarmName: 'api-5xx',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [{ Name: 'ClusterName', Value: CLUSTER }],
        StateValue: 'ALARM',
      },
      { AlarmName: 'other-cluster-cpu', Dimensions: [{ Name: 'ClusterName', Value: 'other' }] },
    ],
  });
  return m;
}

async function serve(options: Partial<FakeKubeOptions> = {}, aws = true) {
  server = await startFakeKubeServer({
    resources: [...BUILTIN_RESOURCES, ...METRICS_RESOURCES, ...CRD_RESOURCES],
    objects: objects(),
    ...options,
  });
  return connectLive({ kubeconfig: server.kubeconfigPath, aws: aws ? { region: 'us-east-1' } : false });
}

describe('live runbook facts', () => {
  it('name the workloads, secrets, volumes and node groups the cluster runs, and the account’s log groups and alarms', async () => {
    mocks = mockRunbookAccount();
    const e = await env();
    const facts = await liveRunbookFacts(await serve(), e, expectedOf(e));
    expect(facts.apps.state === 'read' && facts.apps.value.map((a) => `${a.kind} ${a.namespace}/${a.name}`)).toEqual([
      'DaemonSet backend/agent',
      'Deployment backend/api',
      'CronJob backend/report',
      'StatefulSet data/postgres',
    ]);
    expect(facts.apps.state === 'read' && facts.apps.value[1].annotation).toBe('runbooks/prod/apps/backend-api.md');
    expect(facts.secrets).toEqual({
      state: 'read',
      value: [
        {
          namespace: 'backend',
          name: 'api-db',
          target: 'api-db',
          store: 'ClusterSecretStore aws-secrets',
          keys: ['EKS/prod/api/db'],
          refreshInterval: '1h',
        },
      ],
    });
    expect(facts.volumes).toEqual({
      state: 'read',
      value: [
        { namespace: 'data', claim: 'data-postgres-0', volumeId: 'vol-pg', storageClass: 'gp3' },
        { namespace: 'data', claim: 'scratch', volumeId: 'vol-old', storageClass: 'gp2' },
      ],
    });
    expect(
      facts.nodeGroups.state === 'read' && facts.nodeGroups.value.map((g) => [g.name, g.capacity, g.nodes]),
    ).toEqual([
      ['on-demand', 'on-demand', 2],
      ['spot', 'spot', 1],
    ]);
    expect(facts.logGroups.state === 'read' && facts.logGroups.value.map((g) => g.name)).toEqual([
      `/aws/containerinsights/${CLUSTER}/application`,
      `/aws/containerinsights/${CLUSTER}/performance`,
      `/aws/eks/${CLUSTER}/cluster`,
    ]);
    expect(mocks.logs.commandCalls(DescribeLogGroupsCommand).map((c) => c.args[0].input.logGroupNamePrefix)).toEqual([
      `/aws/containerinsights/${CLUSTER}/`,
      `/aws/eks/${CLUSTER}/`,
    ]);
    expect(facts.alarms.state === 'read' && facts.alarms.value.map((a) => [a.name, a.state, a.actions])).toEqual([
      ['api-5xx', 'ALARM', []],
      [`${CLUSTER}-node-cpu`, 'OK', [TOPIC]],
    ]);
    expect(facts.unread).toEqual({});

    const pages = new Map(generateRunbooks(facts).map((f) => [f.path, f.content]));
    expect([...pages.keys()].filter((p) => p.startsWith('apps/'))).toEqual([
      'apps/backend-agent.md',
      'apps/backend-api.md',
      'apps/backend-report.md',
      'apps/data-postgres.md',
    ]);
    expect(pages.get('alarms.md')).toContain(`Notifies ${TOPIC}.`);
    expect(pages.get('alarms.md')).toContain('Notifies no one (it has no actions).');
    expect(pages.get('alarms.md')).not.toContain('other-cluster-cpu');
    expect(pages.get('restore.md')).toContain('| data/data-postgres-0 | gp3 | vol-pg |');
    expect(pages.get('secrets.md')).toContain('from ClusterSecretStore aws-secrets');
    expect(pages.get('README.md')).toContain('`slipway runbook --env prod --live` from kubeconfig context fake;');
    expect(pages.get('apps/backend-api.md')).toContain(
      'Its runbook annotation points here (runbooks/prod/apps/backend-api.md).',
    );
    expect(pages.get('apps/backend-report.md')).not.toContain('runbook annotation');
  });

  it('list what the config names that the cluster or account lacks, on the page of that part', async () => {
    mocks = mockRunbookAccount();
    const e = await env();
    const expected = expectedOf(e);
    const facts = await liveRunbookFacts(await serve(), e, expected);
    expect(facts.configOnly?.apps).toEqual(['Deployment shop/web']);
    const configGroups = e.nodes.groups.map((g) => g.name).filter((n) => n !== 'on-demand' && n !== 'spot');
    expect(facts.configOnly?.nodeGroups ?? []).toEqual(configGroups.sort());
    const pages = new Map(generateRunbooks(facts).map((f) => [f.path, f.content]));
    expect(pages.get('README.md')).toContain(
      '**Not found live**, workloads in the config that are not running in the cluster: Deployment shop/web.',
    );
    expect(pages.has('apps/shop-web.md')).toBe(false);
  });

  it('mark a forbidden kind’s section not read and a denied DescribeAlarms as not known, inventing no names', async () => {
    mocks = mockRunbookAccount();
    mocks.cloudwatch
      .on(DescribeAlarmsCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const e = await env();
    const expected = expectedOf(e);
    const facts = await liveRunbookFacts(await serve({ forbidden: ['ExternalSecret', 'Deployment'] }), e, expected);
    expect(facts.unread).toEqual({
      Deployment: 'forbidden: list deployments.apps at cluster scope (RBAC)',
      ExternalSecret: 'forbidden: list externalsecrets.external-secrets.io at cluster scope (RBAC)',
    });
    expect(facts.secrets.state).toBe('unknown');
    expect(facts.alarms).toEqual({
      state: 'unknown',
      reason: 'CloudWatch DescribeAlarms: AccessDenied: cloudwatch:DescribeAlarms (the verifier policy grants it)',
    });
    // A kind not read is not compared: the config's Deployment is not called missing.
    expect(facts.configOnly?.apps).toBeUndefined();
    expect(facts.configOnly?.alarms).toBeUndefined();
    const pages = new Map(generateRunbooks(facts).map((f) => [f.path, f.content]));
    expect(pages.get('secrets.md')).toContain(
      '**Not read**: ExternalSecret: forbidden: list externalsecrets.external-secrets.io at cluster scope (RBAC).',
    );
    expect(pages.get('alarms.md')).toContain('**Not read**: CloudWatch DescribeAlarms: AccessDenied');
    const configAlarms = expected.alarms.state === 'read' ? expected.alarms.value.map((a) => a.name) : [];
    for (const name of configAlarms) expect(pages.get('alarms.md')).not.toContain(name);
    expect(pages.get('README.md')).toContain('**Not read**: Deployment (forbidden');
    expect(pages.has('apps/backend-api.md')).toBe(false);
  });

  it('list exactly the kinds the runbook access declares', () => {
    expect(RUNBOOK_KINDS).toEqual([...OPS_ACCESS.runbook.kinds].sort());
  });

  it('leave the log groups and alarms unknown when AWS is left out, and give the same bytes on a second read', async () => {
    const e = await env();
    const first = generateRunbooks(await liveRunbookFacts(await serve({}, false), e, expectedOf(e)));
    const second = generateRunbooks(await liveRunbookFacts(await serve({}, false), e, expectedOf(e)));
    expect(second).toEqual(first);
    const logs = first.find((f) => f.path === 'logs.md')?.content ?? '';
    expect(logs).toContain('**Not read**: CloudWatch Logs DescribeLogGroups: AWS was not read (--no-aws).');
    expect(logs).toContain('aws logs tail <log-group>');
  });
});
