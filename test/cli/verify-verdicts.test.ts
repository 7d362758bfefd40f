import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledExamplePath } from '../../src/config/load.js';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/versions/lock.js';
import { runCli } from '../support/cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PITFALLS = join(ROOT, 'test/fixtures/verify/pitfalls.yaml');
const GOOD = join(ROOT, 'test/fixtures/verify/good-eks-app.yaml');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-verdicts-'));
}

/** The bundled example with its prod environment on two zones, waived with a reason and an expiry. */
function waivedConfig(): string {
  const dir = tmp();
  const text = readFileSync(bundledExamplePath(), 'utf8').replace(
    '  prod:\n    preset: prod',
    '  prod:\n    network: { azCount: 2 }\n    waivers:\n      - check: min-availability-zones\n        reason: the region we must use offers only two zones\n        expires: "2099-01-01"\n    preset: prod',
  );
  const file = join(dir, 'slipway.config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('verify verdicts need evidence', () => {
  it('ends with exit 1 "nothing to verify" for an empty directory, saying what was searched and where', async () => {
    const dir = tmp();
    const run = await runCli(['verify', dir, '--fail-on', 'info'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`nothing to verify in ${dir}`);
    expect(run.stderr).toMatch(/Kubernetes [A-Z]\w+, /);
    expect(run.stdout).toContain('Result: NOTHING TO VERIFY');
    expect(run.stdout).not.toContain('Result: PASS');
  });

  it('refuses a Kubernetes minor the version lock does not hold before synthesizing, at its line and column', async () => {
    const dir = tmp();
    const file = join(dir, 'slipway.config.yaml');
    writeFileSync(file, 'project: shop\nkubernetesVersion: "1.28"\nenvironments:\n  test: { preset: test }\n');
    const run = await runCli(['verify', '--env', 'test'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2:20 kubernetesVersion`);
    expect(run.stderr).toContain(`${SUPPORTED_KUBERNETES_VERSIONS.join(', ')} (found "1.28")`);
    expect(run.stdout).toBe('');
  });

  it('ends with exit 1 for empty standard input (an empty helm template)', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '---\n');
    const run = await runCli(['verify', empty, '-o', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary.nothingToVerify).toMatch(/no object of a kind the selected rules read/);
  });

  it('states how many checklist items were proved, failed, unknown and not applicable', async () => {
    const run = await runCli(['verify', GOOD, '-o', 'json'], { cwd: tmp() });
    const s = JSON.parse(run.stdout).summary;
    const c = s.checklist;
    expect(c.proved + c.failed + c.warned + c.unknown + c.notApplicable).toBe(21);
    expect(c.unknown).toBeGreaterThan(0);
    const table = await runCli(['verify', GOOD], { cwd: tmp() });
    expect(table.stdout).toMatch(/Checklist: \d+ proved, \d+ failed, \d+ warned, \d+ unknown, \d+ not applicable/);
  });

  it('fails the run on any unknown with --fail-on unknown', async () => {
    const plain = await runCli(['verify', GOOD], { cwd: tmp() });
    const strict = await runCli(['verify', GOOD, '--fail-on', 'unknown'], { cwd: tmp() });
    expect(plain.code).toBe(0);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain('Result: FAIL (any failure or unknown)');
  });
});

describe('verify output people can act on', () => {
  it('prints only the failures and the result line with -q', async () => {
    const run = await runCli(['-q', 'verify', PITFALLS], { cwd: tmp() });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('How verified');
    expect(run.stdout).not.toMatch(/ WARN /);
    expect(run.stdout).toMatch(/FAIL/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^Result: FAIL/);
  });

  it('groups findings by rule with counts first and lists at most --max-findings of them', async () => {
    const run = await runCli(['verify', PITFALLS, '--max-findings', '3'], { cwd: tmp() });
    const byRule = run.stdout.indexOf('Findings by rule');
    const listed = run.stdout.indexOf('Findings (first 3 of');
    expect(byRule).toBeGreaterThan(-1);
    expect(listed).toBeGreaterThan(byRule);
    expect(run.stdout).toMatch(/more findings: --max-findings 0 shows all/);
    const json = JSON.parse(
      (await runCli(['verify', PITFALLS, '-o', 'json', '--max-findings', '3'], { cwd: tmp() })).stdout,
    );
    expect(json.findings.length).toBeGreaterThan(3);
  });

  it('fits the checklist table to the terminal width', async () => {
    for (const columns of [80, 100, 160]) {
      const run = await runCli(['verify', GOOD], { cwd: tmp(), columns });
      const tableLines = run.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(tableLines.length).toBeGreaterThan(0);
      for (const l of tableLines) expect(l.length).toBeLessThanOrEqual(columns);
    }
  });

  it('rejects a --max-findings that is not a whole number', async () => {
    const run = await runCli(['verify', GOOD, '--max-findings', 'lots'], { cwd: tmp() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--max-findings "lots"');
  });
});

describe('waivers are visible', () => {
  it('reports a waived prod floor as waived, with its reason and expiry, in json and table, and lists it with --show-waivers', async () => {
    const config = waivedConfig();
    const json = await runCli(['-c', config, '-o', 'json', 'verify', '--env', 'prod', '--include', 'infrastructure.*']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    const waived = report.findings.filter((f: { suppressed?: { by: string } }) => f.suppressed?.by === 'waiver');
    expect(waived.length).toBeGreaterThan(0);
    expect(waived[0]).toMatchObject({
      ruleId: 'infrastructure.multi-az-nodes',
      suppressed: { reason: 'the region we must use offers only two zones', expires: '2099-01-01' },
    });
    expect(report.summary.waived).toBe(waived.length);
    expect(report.waivers).toContainEqual(
      expect.objectContaining({ by: 'waiver', covers: 'min-availability-zones', key: 'environments.prod.waivers[0]' }),
    );

    const table = await runCli(['-c', config, 'verify', '--env', 'prod', '--include', 'infrastructure.*']);
    expect(table.stdout).toContain('WAIVED');
    expect(table.stdout).toContain('waived by waiver environments.prod.waivers[0]');

    const list = await runCli([
      '-c',
      config,
      'verify',
      '--env',
      'prod',
      '--show-waivers',
      '--include',
      'infrastructure.*',
    ]);
    expect(list.stdout).toContain('waiver     environments.prod.waivers[0]');
    expect(list.stdout).toContain('covers min-availability-zones; until 2099-01-01');
  });
});
