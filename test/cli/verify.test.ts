import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PITFALLS = 'test/fixtures/verify/pitfalls.yaml';
const GOOD = 'test/fixtures/verify/good-eks-app.yaml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], extra: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => {
      stdout += s;
    },
    stderr: (s: string) => {
      stderr += s;
    },
    env: {},
    cwd: extra.cwd ?? ROOT,
    isTTY: false,
    ...(extra.stdin !== undefined ? { readStdin: async () => extra.stdin as string } : {}),
  };
  const code = await main(['node', 'slipway', 'verify', ...args], io);
  return { code, stdout, stderr };
}

interface JsonFinding {
  ruleId: string;
  status: string;
  subject: { kind?: string; name?: string; container?: string; awsType?: string };
  location: { file?: string; line?: number };
}

function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

describe('slipway verify with paths', () => {
  it('exits 2 on the common pitfalls, each on the right object and line', async () => {
    const r = await run([PITFALLS, '-o', 'json']);
    expect(r.code).toBe(2);
    const got = findings(r.stdout)
      .filter((f) => f.status === 'fail')
      .map(
        (f) =>
          `${f.ruleId} ${f.subject.kind}/${f.subject.name}${f.subject.container ? `:${f.subject.container}` : ''} @${f.location.line}`,
      );
    const expected = [
      // Single replica.
      'reliability.replicas Deployment/web @16',
      // No probes.
      'reliability.readiness-probe Deployment/web:web @24',
      'reliability.liveness-probe Deployment/web:web @24',
      // No limits.
      'reliability.resources Deployment/web:web @24',
      'reliability.resources CronJob/report:report @104',
      // AWS keys in env.
      'security.pod-identity Deployment/web:web @29',
      'security.pod-identity Deployment/web:web @31',
      // A secret in a ConfigMap.
      'security.no-plain-secrets ConfigMap/web-config @53',
      // HTTP-only ingress.
      'security.https-only Ingress/web @61',
      // gp2, Immediate, default class.
      'storage.gp3-volumes StorageClass/gp2 @87',
      'storage.wait-for-first-consumer StorageClass/gp2 @88',
      // A bare CronJob.
      'workloads.cronjob-settings CronJob/report @96',
      // No NetworkPolicy.
      'security.network-policies Namespace/shop @4',
      'security.network-policies Deployment/web @10',
      // cluster-admin for everyone.
      'security.rbac ClusterRoleBinding/everyone-admin @117',
    ];
    for (const e of expected) expect(got).toContain(e);
    for (const f of findings(r.stdout)) if (f.location.file) expect(f.location.file).toBe(PITFALLS);
  });

  it('raises no failure on a well-built EKS app (ALB TLS by annotation)', async () => {
    const r = await run([GOOD, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(findings(r.stdout).filter((f) => f.status === 'fail')).toEqual([]);
    const report = JSON.parse(r.stdout);
    expect(report.environment).toMatchObject({ name: 'prod', preset: 'prod', thresholds: 'default-prod-preset' });
  });

  it('shows the checklist, findings with file:line and the score in the table', async () => {
    const r = await run([PITFALLS]);
    expect(r.code).toBe(2);
    for (const c of ['infrastructure', 'security', 'reliability', 'observability', 'operations']) {
      expect(r.stdout).toContain(c);
    }
    expect(r.stdout).toContain(PITFALLS);
    expect(r.stdout).toMatch(/Score .* overall \d+/);
    expect(r.stdout).toContain('Result: FAIL');
  });

  it('writes SARIF 2.1.0 that validates and points at lines', async () => {
    const r = await run([PITFALLS, '-o', 'sarif']);
    expect(r.code).toBe(2);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(await readFile(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const rbac = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'security.rbac');
    expect(rbac.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: PITFALLS, uriBaseId: '%SRCROOT%' },
      region: { startLine: 117, startColumn: 5 },
    });
  });

  it('writes JUnit and Markdown', async () => {
    const junit = await run([PITFALLS, '-o', 'junit']);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toContain('<failure');
    const md = await run([GOOD, '-o', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Checklist');
  });

  it('reports a malformed file with its position and still verifies the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slipway-verify-'));
    try {
      await writeFile(join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
      await writeFile(join(dir, 'good.yaml'), await readFile(join(ROOT, GOOD), 'utf8'));
      const r = await run(['.', '-o', 'json'], { cwd: dir });
      expect(r.code).toBe(2);
      const all = findings(r.stdout);
      expect(all.filter((f) => f.status === 'fail')).toEqual([
        expect.objectContaining({ ruleId: 'slipway.input', location: { file: 'bad.yaml', line: 5, column: 3 } }),
      ]);
      expect(JSON.parse(r.stdout).summary.inputs.kubeObjects).toBeGreaterThan(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads standard input for "-"', async () => {
    const r = await run(['-', '-o', 'json', '--include', 'reliability.replicas'], {
      stdin: await readFile(join(ROOT, PITFALLS), 'utf8'),
    });
    expect(r.code).toBe(2);
    expect(findings(r.stdout)).toEqual([
      expect.objectContaining({ ruleId: 'reliability.replicas', location: { file: '<stdin>', line: 16, column: 13 } }),
    ]);
  });

  it('selects rules and the failing severity from the command line', async () => {
    const r = await run([PITFALLS, '-o', 'json', '--include', 'storage.*', '--fail-on', 'critical']);
    expect(r.code).toBe(0);
    // Manifests only: node root volumes are not in them, so that rule reports unknown.
    expect(new Set(findings(r.stdout).map((f) => f.ruleId))).toEqual(
      new Set(['storage.gp3-volumes', 'storage.node-volume-encryption', 'storage.wait-for-first-consumer']),
    );
    const x = await run([PITFALLS, '-o', 'json', '--exclude', 'security.*,storage.*,reliability.*,workloads.*']);
    expect(findings(x.stdout).some((f) => /^(security|storage|reliability|workloads)\./.test(f.ruleId))).toBe(false);
  });

  it('writes the report to --output-file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slipway-verify-'));
    try {
      const out = join(dir, 'report.sarif');
      const r = await run([join(ROOT, GOOD), '-o', 'sarif', '--output-file', out], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(JSON.parse(await readFile(out, 'utf8')).version).toBe('2.1.0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 on usage errors', async () => {
    expect((await run([GOOD, '-o', 'xml'])).code).toBe(1);
    expect((await run([GOOD, '--fail-on', 'severe'])).code).toBe(1);
    const missing = await run(['no/such/file.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file or directory/);
  });

  it('uses the thresholds of --env from a config when one is given', async () => {
    const r = await run([GOOD, '-o', 'json', '--config', 'examples/shop/slipway.config.yaml', '--env', 'test']);
    expect(JSON.parse(r.stdout).environment).toMatchObject({ name: 'test', preset: 'test', thresholds: 'config' });
  });
});

describe('slipway verify and the bundled example', () => {
  it('says the bundled example stands in only when the folder has no config of its own', async () => {
    const good = join(ROOT, GOOD);
    const inside = await run([good, '-o', 'json'], { cwd: join(ROOT, 'examples', 'shop') });
    expect(inside.code).toBe(0);
    expect(inside.stderr).not.toMatch(/no slipway\.config\.yaml/);
    const dir = await mkdtemp(join(tmpdir(), 'slipway-noconfig-'));
    try {
      const outside = await run([good, '-o', 'json'], { cwd: dir });
      expect(outside.stderr).toBe('');
      const withoutPaths = await run(['--env', 'prod', '-o', 'json'], { cwd: dir });
      expect(withoutPaths.stderr).toMatch(/^note: no slipway\.config\.yaml in .*; using the bundled example/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('slipway verify without paths', () => {
  let prod: Run;
  beforeAll(async () => {
    prod = await run(['--config', 'examples/shop/slipway.config.yaml', '--env', 'prod', '-o', 'json']);
  }, 120_000);
  afterAll(() => undefined);

  it('synthesizes the example platform and apps in memory and verifies them clean', () => {
    expect(prod.code).toBe(0);
    const report = JSON.parse(prod.stdout);
    expect(new Set(report.checklist.map((c: { category: string }) => c.category))).toEqual(
      new Set(['infrastructure', 'security', 'reliability', 'observability', 'operations']),
    );
    expect(report.summary.inputs.awsResources).toBeGreaterThan(10);
    expect(report.summary.inputs.kubeObjects).toBeGreaterThan(10);
    const files = new Set(report.findings.map((f: JsonFinding) => f.location.file).filter(Boolean));
    for (const f of files) expect(f).toMatch(/^out\/prod\/(platform|apps)\//);
  });
});
