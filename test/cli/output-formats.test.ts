import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type GlobalOptions, useColor } from '../../src/cli/context.js';
import { runCli } from '../support/cli.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:latest }]
`;

describe('-o yaml, wherever -o json is accepted', () => {
  it('prints the same verify data as JSON, and nothing else on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-formats-'));
    writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT);
    const json = await runCli(['verify', 'web.yaml', '-o', 'json'], { cwd: dir });
    const yaml = await runCli(['verify', 'web.yaml', '-o', 'yaml'], { cwd: dir });
    expect(yaml.code).toBe(json.code);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect(parse(yaml.stdout).schemaVersion).toBe(1);
  });

  it('prints the same rule list as JSON', async () => {
    const json = await runCli(['rules', '-o', 'json']);
    const yaml = await runCli(['rules', '-o', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('still refuses a format a command has no use for, listing the ones it has', async () => {
    const r = await runCli(['rules', '-o', 'sarif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('use one of: table, json, yaml, md');
  });
});

describe('colour', () => {
  const opts = (color: boolean): GlobalOptions => ({ output: 'table', color, quiet: false, verbose: false });
  const io = (env: NodeJS.ProcessEnv, isTTY: boolean) => ({ env, isTTY, cwd: '/', stdout() {}, stderr() {} });

  it('follows the terminal when neither NO_COLOR nor FORCE_COLOR is set', () => {
    expect(useColor(opts(true), io({}, true))).toBe(true);
    expect(useColor(opts(true), io({}, false))).toBe(false);
  });

  it('turns colour on through a pipe when FORCE_COLOR is set, and off when it is 0 or false', () => {
    expect(useColor(opts(true), io({ FORCE_COLOR: '1' }, false))).toBe(true);
    expect(useColor(opts(true), io({ FORCE_COLOR: '0' }, true))).toBe(false);
    expect(useColor(opts(true), io({ FORCE_COLOR: 'false' }, true))).toBe(false);
  });

  it('lets --no-color and NO_COLOR win over FORCE_COLOR', () => {
    expect(useColor(opts(false), io({ FORCE_COLOR: '1' }, true))).toBe(false);
    expect(useColor(opts(true), io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true))).toBe(false);
  });
});
