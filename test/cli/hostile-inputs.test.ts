import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');

interface JsonReport {
  summary: { result: string; inputs: { kubeObjects: number; problems: number }; notes?: string[] };
  findings: {
    ruleId: string;
    status: string;
    message: string;
    location: { file?: string; line?: number; column?: number };
  }[];
}

/** Runs the built binary; a hang fails the test through the timeout instead of blocking the suite. */
function slipway(args: string[], opts: { input?: string } = {}) {
  return spawnSync(process.execPath, [bin, 'verify', ...args], {
    cwd: root,
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 << 20,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
}

function inputProblems(stdout: string) {
  return (JSON.parse(stdout) as JsonReport).findings.filter((f) => f.ruleId === 'slipway.input');
}

/** The run reported exactly one input problem, failed, with this message, at this file. */
function expectOneInputProblem(stdout: string, message: string, file: string): void {
  expect(inputProblems(stdout)).toEqual([expect.objectContaining({ status: 'fail', message, location: { file } })]);
}

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  LOG_LEVEL: info
`;

describe('slipway verify on hostile inputs, through the built binary', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'slipway-hostile-'));
  });

  it('refuses a FIFO given as a path at once, saying what it is, and exits 1', () => {
    const fifo = join(dir, 'manifests.yaml');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = slipway([fifo, '-o', 'json']);
    // Opening a FIFO for reading would block until a writer came; nothing writes to this one.
    expect(r.error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    expectOneInputProblem(r.stdout, 'is a FIFO (named pipe), not a regular file; only regular files are read', fifo);
    expect(r.stderr).toContain(`nothing to verify in ${fifo}`);
  });

  it('refuses /dev/zero given as a path instead of reading without end', () => {
    const r = slipway(['/dev/zero', '-o', 'json']);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expectOneInputProblem(r.stdout, 'is a device, not a regular file; only regular files are read', '/dev/zero');
  });

  it('stops reading stdin at --max-file-size and reports it, never a pass', () => {
    // 2 MiB of a valid manifest stream against a 1 MiB limit.
    const stream = `${CONFIG_MAP}---\n`.repeat(Math.ceil((2 << 20) / (CONFIG_MAP.length + 4)));
    const r = slipway(['-', '--max-file-size', '1', '-o', 'json'], { input: stream });
    // The binary stops reading at the limit, so writing the rest may meet a closed pipe (EPIPE): that is the point.
    expect(r.error === undefined || (r.error as NodeJS.ErrnoException).code === 'EPIPE').toBe(true);
    expect(r.status).toBe(1);
    expectOneInputProblem(r.stdout, 'is larger than the 1.0 MiB allowed; stopped reading', '<stdin>');
    expect((JSON.parse(r.stdout) as JsonReport).summary.result).not.toBe('pass');
  });

  it('reads the items of a List nested in a List and says so in a note', () => {
    const file = join(dir, 'nested.yaml');
    const item = CONFIG_MAP.replace(/^/gm, '        ').replace(/^ {8}/, '      - ');
    writeFileSync(file, `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: List\n    items:\n${item}`);
    const r = slipway([file, '-o', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary.inputs.kubeObjects).toBe(1);
    expect(report.summary.inputs.problems).toBe(0);
    expect(report.summary.notes).toContain(`${file}:4: a List (v1) nested in a List (v1); its items were read`);
    // The text report shows the same note.
    const text = slipway([file]);
    expect(text.stdout).toContain(`${file}:4: a List (v1) nested in a List (v1); its items were read`);
  });

  it('reports objects without a kind or a name as input problems at their position, failing the run', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `${CONFIG_MAP}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\n---\napiVersion: v1\nmetadata:\n  name: no-kind\n`,
    );
    const r = slipway([file, '-o', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary.result).toBe('fail');
    expect(report.summary.inputs.kubeObjects).toBe(1);
    expect(inputProblems(r.stdout).map((f) => [f.status, f.message, f.location])).toEqual([
      ['fail', 'not a valid Kubernetes object: ConfigMap has no metadata.name', { file, line: 9, column: 1 }],
      ['fail', 'not a valid Kubernetes object: no kind', { file, line: 14, column: 1 }],
    ]);
  });
});
