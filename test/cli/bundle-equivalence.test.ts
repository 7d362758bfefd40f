import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, CLI_TSC, ensureBuiltCli } from '../support/built-cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const runEntry = join(root, 'test', 'support', 'run-cli-entry.mjs');

// Two objects with findings of several kinds: a Deployment without probes or limits behind a plain-HTTP Ingress.
const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - { name: api, image: 'nginx:latest' }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api, namespace: shop }
spec:
  rules:
    - host: api.example.com
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] }
`;

/** One run of a CLI entry module, chosen directly (not by bin/launch.js), from a directory with no config. */
function run(entry: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [runEntry, entry, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled CLI entry and the tsc build', () => {
  let cwd = '';
  beforeAll(() => {
    ensureBuiltCli();
    cwd = mkdtempSync(join(tmpdir(), 'slipway-same-'));
    writeFileSync(join(cwd, 'api.yaml'), MANIFESTS);
  }, 900_000);

  const cases: [string, string[]][] = [
    ['rules -o json', ['rules', '-o', 'json']],
    ['verify of the example, -o json', ['verify', '--env', 'prod', '-q', '-o', 'json']],
    ['verify of the example, the table', ['verify', '--env', 'test']],
    ['verify of the example, -o yaml', ['verify', '--env', 'prod', '-q', '-o', 'yaml']],
    ['verify of a manifest file, the table', ['verify', 'api.yaml', '--env', 'prod']],
    ['verify of a manifest file, -o sarif', ['verify', 'api.yaml', '-q', '-o', 'sarif']],
    ['config show -o yaml', ['config', 'show', '--env', 'prod', '-o', 'yaml']],
    ['app explain -o yaml', ['app', 'explain', 'api', '-o', 'yaml']],
    ['app explain of a misspelt app (the suggestion)', ['app', 'explain', 'frontnd']],
    ['--version', ['--version']],
  ];

  it.each(cases)('print the same for %s, with the same exit code', (_name, args) => {
    const bundled = run(CLI_BUNDLE, args, cwd);
    const built = run(CLI_TSC, args, cwd);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    expect(bundled).toEqual(built);
  });
});
