import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { type AccountMocks, mockAccount } from '../support/aws-mocks.js';
import { runCli } from '../support/cli.js';
import { type FakeKubeOptions, type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';
import { deployment, networkPolicy, node, pod } from '../support/kube-fixtures.js';

let server: FakeKubeServer | undefined;
let mocks: AccountMocks | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  mocks?.restore();
  mocks = undefined;
});

interface Report {
  findings: { ruleId: string; status: string; subject: Record<string, string>; message: string }[];
  checklist: { id: string; status: string }[];
  summary: { mode: string };
}

const CONFIG = ['-c', bundledExamplePath(), '-o', 'json'];

async function live(options: FakeKubeOptions, extra: string[] = ['--no-aws']) {
  server = await startFakeKubeServer(options);
  const run = await runCli([
    ...CONFIG,
    'verify',
    '--live',
    '--env',
    'prod',
    '--kubeconfig',
    server.kubeconfigPath,
    ...extra,
  ]);
  return { ...run, report: JSON.parse(run.stdout || '{}') as Report };
}

const verdicts = (r: Report, keep: (ruleId: string) => boolean = () => true) =>
  r.findings
    .filter((f) => keep(f.ruleId))
    .map((f) => `${f.ruleId} ${f.status} ${JSON.stringify(f.subject)}`)
    .sort();

/** A small cluster with a mix of good and bad objects. */
function cluster(): Record<string, Record<string, unknown>[]> {
  const good = deployment('web', 'shop', 3);
  return {
    Node: [node('n1', 'us-east-1a'), node('n2', 'us-east-1b'), node('n3', 'us-east-1a')],
    Deployment: [good, deployment('worker', 'shop', 1), deployment('api', 'team', 2)],
    Service: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      },
    ],
    NetworkPolicy: [networkPolicy('default-deny', 'shop')],
    Pod: [pod('web-1', 'shop'), pod('worker-1', 'shop', { restarts: 9, waiting: 'CrashLoopBackOff' })],
  };
}

describe('slipway verify --live', () => {
  it('reports every one of 1,200 Deployments when a continue token expires, fails multi-AZ, and shows a forbidden kind as unknown', async () => {
    const { code, report } = await live({
      objects: {
        Node: [node('n1', 'us-east-1a'), node('n2', 'us-east-1a'), node('n3', 'us-east-1a')],
        Deployment: Array.from({ length: 1200 }, (_, i) => deployment(`d${i}`, 'shop')),
      },
      expireContinueOnce: ['Deployment'],
      forbidden: ['NetworkPolicy'],
    });
    expect(code).toBe(2);
    expect(report.summary.mode).toBe('live');
    // Every Deployment is judged: each one appears in the findings (they lack resources and probes).
    const seen = new Set(report.findings.filter((f) => f.subject.kind === 'Deployment').map((f) => f.subject.name));
    expect(seen.size).toBe(1200);
    const single = report.findings.filter(
      (f) => f.ruleId === 'reliability.replicas' && f.subject.kind === 'Deployment',
    );
    expect(new Set(single.map((f) => f.subject.name)).size).toBe(1200);
    // The zones seen on the nodes fail; the node groups (AWS, not read with --no-aws) are unknown.
    const az = report.findings.filter((f) => f.ruleId === 'infrastructure.multi-az-nodes').map((f) => f.status);
    expect(az).toContain('fail');
    const np = report.findings.filter((f) => f.ruleId === 'security.network-policies');
    expect(np.map((f) => f.status)).toEqual(['unknown']);
    expect(np[0].message).toContain('forbidden: list networkpolicies.networking.k8s.io at cluster scope (RBAC)');
    expect(report.checklist.find((c) => c.id === 'security.network-policies')?.status).toBe('unknown');
    expect(new Set(server!.log.map((l) => l.method))).toEqual(new Set(['GET']));
  });

  it('reports the items that read Secrets and ConfigMaps as unknown when the verifier may not list them', async () => {
    const { report } = await live({ objects: cluster(), forbidden: ['Secret', 'ConfigMap'] });
    for (const id of ['security.secrets-manager', 'security.pod-identity']) {
      expect(report.checklist.find((c) => c.id === id)?.status, id).toBe('unknown');
    }
    const secrets = report.findings.filter((f) => f.ruleId === 'security.no-plain-secrets' && f.status === 'unknown');
    expect(secrets[0]?.message).toContain('forbidden: list secrets at cluster scope (RBAC)');
  });

  it('gives the same verdicts as static verify of the same objects (rules that read only Kubernetes)', async () => {
    const objects = cluster();
    const { report: liveReport } = await live({ objects });
    const dir = mkdtempSync(join(tmpdir(), 'slipway-static-'));
    const file = join(dir, 'objects.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Object.values(objects).flat() }));
    const run = await runCli([...CONFIG, 'verify', file, '--env', 'prod']);
    const staticReport = JSON.parse(run.stdout) as Report;
    const { RULES } = await import('../../src/rules/registry.js');
    const kubeOnly = new Set(
      RULES.filter((r) => !r.meta.needs.aws?.length && !r.meta.id.includes('.live-')).map((r) => r.meta.id),
    );
    const keep = (id: string) => kubeOnly.has(id);
    expect(verdicts(liveReport, keep).length).toBeGreaterThan(5);
    expect(verdicts(liveReport, keep)).toEqual(verdicts(staticReport, keep));
  });

  it('gives the same verdicts from a kubectl dump as from the API serving the same objects', async () => {
    const objects = cluster();
    const { report: liveReport } = await live({ objects });
    const dir = mkdtempSync(join(tmpdir(), 'slipway-dump-'));
    writeFileSync(
      join(dir, 'all.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Object.values(objects).flat() }),
    );
    const run = await runCli([...CONFIG, 'verify', '--from-dump', dir, '--env', 'prod']);
    const dumpReport = JSON.parse(run.stdout) as Report;
    expect(dumpReport.summary.mode).toBe('dump');
    expect(verdicts(dumpReport)).toEqual(verdicts(liveReport));
    expect(verdicts(dumpReport).some((v) => v.startsWith('reliability.live-crashloop fail'))).toBe(true);
  });

  it('sends only GET to the API server and only Describe/List/Get calls to AWS during a full live verify', async () => {
    mocks = mockAccount();
    const { code, report } = await live({ objects: cluster() }, ['--region', 'us-east-1']);
    expect(code).toBe(2);
    expect(new Set(server!.log.map((l) => l.method))).toEqual(new Set(['GET']));
    const names = mocks.commandNames();
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) expect(n).toMatch(/^(Describe|List|Get)[A-Za-z]+Command$/);
    expect(names).not.toContain('GetSecretValueCommand');
    expect(report.findings.some((f) => f.ruleId === 'observability.live-addons-active' && f.status === 'fail')).toBe(
      true,
    );
  });

  it('ends "nothing to verify" with exit 1 for a namespace that holds nothing, naming it, never PASS', async () => {
    const { code, report, stderr } = await live({ objects: cluster() }, ['--no-aws', '-n', 'nosuch']);
    expect(code).toBe(1);
    expect(stderr).toContain('nothing to verify in the live cluster (current context, namespace nosuch)');
    expect(stderr).toContain('in namespace nosuch');
    expect((report.summary as { nothingToVerify?: string }).nothingToVerify).toMatch(/in namespace nosuch/);
    const table = await runCli([
      '-c',
      bundledExamplePath(),
      'verify',
      '--live',
      '--env',
      'prod',
      '--kubeconfig',
      server!.kubeconfigPath,
      '--no-aws',
      '--namespace',
      'nosuch',
    ]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('Result: NOTHING TO VERIFY');
    expect(table.stdout).not.toContain('Result: PASS');
  });

  it('ends "nothing to verify" for a mistyped namespace even when the AWS account is read, and judges the right one', async () => {
    mocks = mockAccount();
    const { code, stderr } = await live({ objects: cluster() }, ['--region', 'us-east-1', '-n', 'shpo']);
    expect(code).toBe(1);
    expect(stderr).toContain('namespace shpo');
    expect(stderr).not.toContain('PASS');
    await server?.close();
    const shop = await live({ objects: cluster() }, ['--region', 'us-east-1', '-n', 'shop']);
    expect(shop.code).toBe(2);
    expect((shop.report.summary as { nothingToVerify?: string }).nothingToVerify).toBeUndefined();
    expect(shop.report.findings.some((f) => f.subject.namespace === 'shop')).toBe(true);
  });

  it('rejects --live with paths and live options without --live', async () => {
    const a = await runCli([...CONFIG, 'verify', '--live', 'k8s/', '--env', 'prod']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/reads no files/);
    const b = await runCli([...CONFIG, 'verify', '--context', 'x', '--env', 'prod']);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/only apply with --live/);
  });
});

describe('slipway verifier-access', () => {
  it('prints a read-only IAM policy and a get/list ClusterRole from the rules needs', async () => {
    const run = await runCli([...CONFIG, 'verifier-access', '--env', 'prod']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      iamPolicy: { Statement: { Action: string[] }[] };
      kubernetes: { kind: string; rules?: { verbs: string[]; resources?: string[] }[] }[];
    };
    const actions = data.iamPolicy.Statement.flatMap((s) => s.Action);
    expect(actions).toContain('eks:DescribeNodegroup');
    for (const a of actions) expect(a).toMatch(/^[a-z0-9-]+:(Describe|List|Get|Filter)/);
    expect(actions).toContain('logs:FilterLogEvents');
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
    const role = data.kubernetes.find((k) => k.kind === 'ClusterRole');
    const verbs = new Set(role?.rules?.flatMap((r) => r.verbs));
    expect(verbs).toEqual(new Set(['get', 'list']));
    expect(role?.rules?.some((r) => r.resources?.includes('deployments'))).toBe(true);
    expect(role?.rules?.some((r) => r.resources?.includes('secrets'))).toBe(false);
    expect(run.stderr).toContain('--include-secrets');
  });

  it('grants Secrets only with --include-secrets, and warns that every value becomes readable', async () => {
    const run = await runCli([...CONFIG, 'verifier-access', '--env', 'prod', '--include-secrets']);
    const data = JSON.parse(run.stdout) as { kubernetes: { kind: string; rules?: { resources?: string[] }[] }[] };
    const role = data.kubernetes.find((k) => k.kind === 'ClusterRole');
    expect(role?.rules?.some((r) => r.resources?.includes('secrets'))).toBe(true);
    expect(run.stderr).toMatch(/warning: --include-secrets lets the verifier read every Secret value/);
  });

  it('narrows to the selected rules with --no-ops, leaving the day-2 reads out', async () => {
    const run = await runCli([
      ...CONFIG,
      'verifier-access',
      '--env',
      'prod',
      '--no-ops',
      '--include',
      'infrastructure.multi-az-nodes',
    ]);
    const data = JSON.parse(run.stdout) as { kubernetes: { kind: string; rules?: { resources?: string[] }[] }[] };
    const resources = data.kubernetes[0].rules?.flatMap((r) => r.resources ?? []);
    expect(resources).toEqual(['nodes']);
    expect((JSON.parse(run.stdout) as { commands: string[] }).commands).toEqual([]);
  });
});

describe('live limit flags', () => {
  it('refuses a limit that is not a positive number, naming the flag and the value', async () => {
    const { liveLimits } = await import('../../src/cli/verify-live.js');
    expect(() => liveLimits({ requestTimeout: 'soon' })).toThrow(
      /--request-timeout must be a positive number; got "soon"/,
    );
    expect(
      liveLimits({ requestTimeout: '2', maxResponseMib: '1', maxRetryWait: '5', execTimeout: '3', pageSize: '50' }),
    ).toEqual({
      limits: {
        totalTimeoutMs: 2000,
        firstByteTimeoutMs: 2000,
        maxResponseBytes: 1024 * 1024,
        maxRetryAfterMs: 5000,
        execTimeoutMs: 3000,
      },
      pageSize: 50,
    });
  });
});
