import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-report-options-'));
  writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT);
  return dir;
}

interface SarifResult {
  kind?: string;
  locations?: { physicalLocation?: { artifactLocation?: { uri: string; uriBaseId?: string } } }[];
}

async function sarif(args: string[], cwd: string) {
  const r = await runCli(['verify', 'web.yaml', '-o', 'sarif', ...args], { cwd });
  const run = JSON.parse(r.stdout).runs[0] as { results: SarifResult[]; originalUriBaseIds?: unknown };
  return { code: r.code, run };
}

describe('verify passes the report options the reporters support', () => {
  it('writes SARIF file paths relative to %SRCROOT%, which is the working directory', async () => {
    const dir = project();
    const { run } = await sarif([], dir);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${dir}/` } });
    const located = run.results.flatMap((r) => r.locations ?? []).flatMap((l) => l.physicalLocation ?? []);
    expect(located.length).toBeGreaterThan(0);
    for (const l of located) expect(l.artifactLocation).toEqual({ uri: 'web.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('lists unknowns without a file in SARIF only with --sarif-unknowns', async () => {
    const dir = project();
    const without = await sarif([], dir);
    const withUnknowns = await sarif(['--sarif-unknowns'], dir);
    const open = (rs: SarifResult[]) => rs.filter((r) => r.kind === 'open' && !r.locations?.[0]?.physicalLocation);
    expect(open(without.run.results)).toEqual([]);
    expect(open(withUnknowns.run.results).length).toBeGreaterThan(0);
    expect(withUnknowns.code).toBe(without.code);
  });

  it("gives JUnit each rule's measured run time instead of zero", async () => {
    const r = await runCli(['verify', 'web.yaml', '-o', 'junit'], { cwd: project() });
    const total = /<testsuites [^>]*time="([0-9.]+)"/.exec(r.stdout)?.[1];
    expect(Number(total)).toBeGreaterThan(0);
  });
});
