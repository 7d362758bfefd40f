import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  const dir = mkdtempSync(join(tmpdir(), 'slipway-report-file-'));
  writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT);
  return dir;
}

describe('verify -o html and --report-file', () => {
  it('-o html prints one self-contained page naming the failing object and its file', async () => {
    const dir = project();
    const r = await runCli(['verify', 'web.yaml', '-o', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).toContain('Deployment shop/web');
    expect(r.stdout).toContain('web.yaml:');
    expect(r.stdout).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('-o table --report-file out/report.html writes the same page -o html prints, beside the table on stdout', async () => {
    const dir = project();
    const html = await runCli(['verify', 'web.yaml', '-o', 'html'], { cwd: dir });
    const r = await runCli(['verify', 'web.yaml', '-o', 'table', '--report-file', 'report.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Result: FAIL');
    expect(r.stdout).not.toContain('<html');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(html.stdout);
    expect(r.stderr).toContain('html report written to report.html');
  });

  it('each --report-file gets the format its extension picks: .sarif, .xml (JUnit), .json, .md', async () => {
    const dir = project();
    const files = ['v.sarif', 'junit.xml', 'report.json', 'summary.md'];
    const r = await runCli(['verify', 'web.yaml', '-q', ...files.flatMap((f) => ['--report-file', f])], { cwd: dir });
    expect(r.code).toBe(2);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(JSON.parse(read('v.sarif')).version).toBe('2.1.0');
    expect(read('junit.xml')).toContain('<testsuites name="slipway verify"');
    expect(JSON.parse(read('report.json')).schemaVersion).toBe(1);
    expect(read('summary.md')).toContain('# Slipway verify: prod');
  });

  it('a --report-file with no report extension is a usage error naming the file and the extensions, and writes nothing', async () => {
    const dir = project();
    const r = await runCli(['verify', 'web.yaml', '--report-file', 'report.pdf'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--report-file "report.pdf" has no report extension');
    expect(r.stderr).toContain('.html (html)');
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
  });

  it('a --report-file that cannot be written names the path', async () => {
    const dir = project();
    const r = await runCli(['verify', 'web.yaml', '--report-file', 'missing/dir/report.html'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write the HTML report to');
    expect(r.stderr).toContain('missing/dir/report.html');
  });
});
