import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');
const example = join(root, 'examples', 'shop', 'slipway.config.yaml');

function slipway(args: string[], cwd = root) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

/** The bundled example on an older minor, so the lock holds the next one. */
function exampleOn(minor: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-ops-'));
  const file = join(dir, 'slipway.config.yaml');
  writeFileSync(
    file,
    readFileSync(example, 'utf8').replace(/kubernetesVersion: "1\.\d+"/, `kubernetesVersion: "${minor}"`),
  );
  return file;
}

describe('the day-2 commands through the built binary (static mode)', () => {
  beforeAll(() => {
    ensureBuiltCli();
  });

  it('cost -o json prints only the report, with prices read from the table in dist', () => {
    const r = slipway(['cost', '--env', 'prod', '-c', example, '-o', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.prices).toEqual({ region: 'us-east-1', retrieved: '2026-12-03', currency: 'USD', spotDiscount: 0.6 });
    expect(report.unknown.usage).toContain('live cluster');
    expect(report.capacity.map((c: { nodeGroup: string }) => c.nodeGroup)).toEqual(['on-demand', 'spot']);
    expect(typeof report.totalMonthlySaving).toBe('number');
  });

  it('cost refuses an output format it does not write', () => {
    const r = slipway(['cost', '--env', 'prod', '-c', example, '-o', 'sarif']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--output "sarif" is not supported by cost; use one of: table, json, md');
  });

  it('upgrade plan writes the playbook of the next minor and exits 2 on the example PDBs that block drains', () => {
    const r = slipway(['upgrade', 'plan', '--env', 'prod', '-c', exampleOn('1.34'), '-o', 'md']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('# Upgrade shop-prod from 1.34 to 1.35');
    expect(r.stdout).toContain(
      'aws eks update-nodegroup-version --cluster-name shop-prod --nodegroup-name shop-prod-spot',
    );
    expect(r.stdout).toContain('| critical | upgrade.pdb-blocks-drain | PodDisruptionBudget/data/postgres |');
  });

  it('upgrade plan over files with nothing in the way exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-ops-files-'));
    const file = join(dir, 'app.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web, namespace: shop }',
        'spec:',
        '  replicas: 2',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec: { containers: [{ name: web, image: nginx }] }',
        '',
      ].join('\n'),
    );
    const r = slipway(['upgrade', 'plan', '--env', 'prod', '-c', exampleOn('1.34'), '-f', file, '-o', 'json']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect([plan.from, plan.to, plan.blockers, plan.problems]).toEqual(['1.34', '1.35', 0, []]);
  });

  it('upgrade plan refuses a jump of two minors and names the steps', () => {
    const r = slipway(['upgrade', 'plan', '--env', 'prod', '-c', exampleOn('1.33'), '--to', '1.35']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('EKS upgrades one minor at a time: 1.33 → 1.34 → 1.35');
    expect(r.stdout).toBe('');
  });

  it('dr maps the example volumes to the daily plan', () => {
    const r = slipway(['dr', '--env', 'prod', '-c', example, '-o', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.coverage.map((c: { claim: string; status: string }) => [c.claim, c.status])).toEqual([
      ['data-postgres-0', 'covered'],
      ['data-redis-0', 'covered'],
    ]);
  });

  it('dr refuses an environment without scheduled backups', () => {
    const r = slipway(['dr', '--env', 'test', '-c', example]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('environment test has no scheduled backups (backup.schedule: manual)');
  });

  it('runbook writes the pages, and the same bytes on a second run', () => {
    const out = mkdtempSync(join(tmpdir(), 'slipway-runbook-'));
    const first = slipway(['runbook', '--env', 'prod', '-c', example, '--out', out, '-o', 'json']);
    expect(first.status).toBe(0);
    const { files } = JSON.parse(first.stdout);
    expect(files).toContain('apps/backend-api.md');
    const before = files.map((f: string) => readFileSync(join(out, f), 'utf8'));
    expect(slipway(['runbook', '--env', 'prod', '-c', example, '--out', out]).status).toBe(0);
    expect(files.map((f: string) => readFileSync(join(out, f), 'utf8'))).toEqual(before);
    expect(before[files.indexOf('apps/backend-api.md')]).toContain('kubectl rollout undo deployment/api -n backend');
  });

  it('runbook refuses the file-system root as its output folder', () => {
    const r = slipway(['runbook', '--env', 'prod', '-c', example, '--out', '/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--out / is the file-system root');
  });
});
