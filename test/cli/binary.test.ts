import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'slipway.js');
const trace = join(root, 'test', 'support', 'register-import-trace.mjs');

function slipway(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });
}

/**
 * What one run of the binary loads: the source files behind every module it resolved. A chunk of the bundled
 * CLI stands for the files esbuild put code of in it (dist/bundle/metafile.json); any other module stands for itself.
 */
function loadedBy(args: string[]): { chunks: string[]; sources: string[] } {
  const out = join(mkdtempSync(join(tmpdir(), 'slipway-trace-')), 'trace.txt');
  const r = spawnSync(process.execPath, ['--import', trace, bin, ...args], {
    cwd: root,
    env: { ...process.env, SLIPWAY_IMPORT_TRACE: out },
    encoding: 'utf8',
  });
  expect([0, 2], r.stderr).toContain(r.status);
  const files = [...new Set(readFileSync(out, 'utf8').split('\n'))]
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'bundle', 'metafile.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const chunks = files.filter((f) => f.startsWith(join(root, 'dist', 'bundle')));
  const sources = files.flatMap((f) => {
    const chunk =
      meta.outputs[
        f
          .slice(root.length + 1)
          .split('\\')
          .join('/')
      ];
    return chunk ? Object.keys(chunk.inputs).filter((input) => chunk.inputs[input].bytesInOutput > 0) : [f];
  });
  return { chunks, sources };
}

describe('the built slipway binary', () => {
  beforeAll(ensureBuiltCli, 900_000);

  it('prints help with examples and exits 0', () => {
    const r = slipway(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: slipway');
    expect(r.stdout).toContain('Examples:');
  });

  it('prints the package version', () => {
    const r = slipway(['--version']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('does not load aws-cdk-lib, the AWS SDK, client-node, cdk8s, zod or the yaml package for --help', () => {
    const { chunks, sources } = loadedBy(['--help']);
    expect(chunks).toContain(CLI_BUNDLE);
    expect(sources.join('\n')).toMatch(/node_modules\/commander\//);
    expect(sources.join('\n')).not.toMatch(
      /node_modules\/(aws-cdk-lib|@aws-sdk|@kubernetes\/client-node|cdk8s|@aws-cdk|zod|yaml)\//,
    );
  });

  it('sees zod and the yaml package in the chunks a one-file verify loads (the --help check can see them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-one-'));
    const file = join(dir, 'service.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop }\nspec: {}\n');
    const { sources } = loadedBy(['verify', file, '--env', 'prod', '-q']);
    expect(sources.join('\n')).toMatch(/node_modules\/zod\//);
    expect(sources.join('\n')).toMatch(/node_modules\/yaml\//);
    expect(sources.join('\n')).not.toMatch(/node_modules\/(aws-cdk-lib|@aws-sdk|@kubernetes\/client-node|cdk8s)\//);
  });

  it('runs init and config diff end to end, as the issue checks it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slipway-e2e-'));
    expect(slipway(['init', 'demo'], { cwd }).status).toBe(0);
    const diff = slipway(['config', 'diff', 'test', 'prod', '--config', 'demo/slipway.config.yaml'], { cwd });
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('Spot vs on-demand');
    const again = slipway(['init', 'demo'], { cwd });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('stops quietly when its output pipe closes early (slipway … | head)', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" rules -o json | head -1; exit \${PIPESTATUS[0]}`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });

  it('exits 1 on an unknown command', () => {
    const r = slipway(['frobnicate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
