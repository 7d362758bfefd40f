import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import { synthesizeForVerify } from '../../src/inventory/sources/synth.js';
import { contrastRatio, PAGE, STATUS_STYLE } from '../../src/report/html/palette.js';
import { renderReports, writeHtmlReport } from '../../src/report/index.js';
import { ruleDocsUrl } from '../../src/rules/docs-anchor.js';
import type { Finding, VerifyReport } from '../../src/rules/engine/types.js';
import { verify } from '../../src/rules/engine/verify.js';
import { RULES } from '../../src/rules/registry.js';
import { sampleReport } from './sample-report.js';

const GOLDEN = join(import.meta.dirname, '..', 'golden', 'verify');
const OPTS = { color: false, toolVersion: '0.0.0-test' };
const tmp = mkdtempSync(join(tmpdir(), 'slipway-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const html = (reports: readonly VerifyReport[], extra: Record<string, unknown> = {}) =>
  renderReports('html', reports, { ...OPTS, ...extra });

/** The sample report with one finding changed. */
function withFinding(change: (f: Finding) => Finding, report = sampleReport()): VerifyReport {
  return { ...report, findings: report.findings.map((f) => (f.ruleId === 'reliability.replicas' ? change(f) : f)) };
}

describe('HTML report', () => {
  it('shows the checklist categories, the failing objects with file:line, fixes and set-aside findings; matches its golden file', async () => {
    const text = await html([sampleReport()]);
    for (const category of ['infrastructure', 'security', 'reliability', 'observability', 'operations'])
      expect(text).toContain(`<h3>${category}</h3>`);
    expect(text).toContain('<th scope="rowgroup" colspan="6">Deployment shop/web</th>');
    expect(text).toContain('k8s/shop.yaml:9:13');
    expect(text).toContain('the proxy answers health checks itself');
    expect(text).toContain(`<a href="${ruleDocsUrl('reliability.replicas')}"><code>reliability.replicas</code></a>`);
    golden('report.html', text);
  });

  it('of the bundled example (prod) matches its golden file', async () => {
    const env = (await loadConfig(bundledExamplePath())).environments.prod;
    const report = verify(inventoryFromTexts(await synthesizeForVerify(env)), {
      env,
      rules: RULES,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const text = await html([report]);
    expect(text).toContain('Slipway verify: prod');
    golden('example-prod.html', text);
  });

  it('loads nothing from anywhere: no src attributes, no links but the rule docs, no CSS imports or urls', async () => {
    const text = await html([sampleReport()]);
    expect(text).not.toMatch(/\ssrc\s*=/i);
    expect(text).not.toMatch(/<link\b/i);
    expect(text).not.toMatch(/@import|url\(/i);
    const external = [...text.matchAll(/href="(https?:[^"]*)"/gi)].map((m) => m[1]);
    expect(external.length).toBeGreaterThan(0);
    for (const href of external)
      expect(href).toMatch(/^https:\/\/github\.com\/slipway-dev\/slipway\/blob\/main\/docs\/rules\.md#[a-z0-9_-]+$/);
    expect(text).toContain("default-src 'none'");
  });

  it('escapes every string from the report: a <script> in an object name stays text', async () => {
    const evil = '<script>alert("x")</script>';
    const report = withFinding((f) => ({
      ...f,
      subject: { kind: 'Deployment', namespace: 'shop', name: evil },
      message: `replicas of ${evil} & more`,
      location: { file: `k8s/${evil}.yaml`, line: 3, column: 1 },
    }));
    const text = await html([report]);
    expect(text).not.toContain(evil);
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text.match(/<script>/g)).toHaveLength(1);
  });

  it('is deterministic: the same report gives the same bytes, and a time appears only when given', async () => {
    const [a, b] = [await html([sampleReport()]), await html([sampleReport()])];
    expect(a).toBe(b);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(await html([sampleReport()], { generatedAt: '2026-12-03T10:00:00Z' })).toContain('on 2026-12-03T10:00:00Z');
  });

  it('adds a cluster column and a cluster filter only when findings carry a cluster', async () => {
    const files = await html([sampleReport()]);
    expect(files).not.toContain('>Cluster</th>');
    expect(files).not.toContain('id="filter-cluster"');
    const live = withFinding((f) => ({ ...f, location: { cluster: 'prod-eks-a' } }));
    const text = await html([live]);
    expect(text).toContain('<th scope="col" data-sort>Cluster</th>');
    expect(text).toContain(
      '<select id="filter-cluster" data-filter="cluster"><option value="">All</option><option value="prod-eks-a">',
    );
    expect(text).toContain('data-f-cluster="prod-eks-a"');
  });

  it('for several environments: one fleet row each, linked to its part, and an environment filter', async () => {
    const a = sampleReport();
    const b = { ...sampleReport(), environment: { ...a.environment, name: 'test', cluster: 'adhoc-test' } };
    const text = await html([a, b]);
    expect(text).toContain('<h2 id="fleet-h">Fleet</h2>');
    expect(text).toContain('<th scope="row"><a href="#env-1">prod</a></th><td>adhoc-prod</td>');
    expect(text).toContain('<th scope="row"><a href="#env-2">test</a></th><td>adhoc-test</td>');
    expect(text).toContain('<select id="filter-env" data-filter="env">');
    expect(text).toContain('data-f-env="test"');
  });

  it('past the detail limit, groups findings per rule and still lists every object', async () => {
    const base = sampleReport();
    const f = base.findings.find((x) => x.ruleId === 'reliability.replicas') as Finding;
    const many = Array.from({ length: 5 }, (_, i) => ({
      ...f,
      subject: { kind: 'Deployment', namespace: 'shop', name: `app-${i}` },
      location: { file: 'k8s/many.yaml', line: 10 * i + 1, column: 1 },
    }));
    const text = await html([{ ...base, findings: [...base.findings, ...many] }], { htmlDetailLimit: 3 });
    expect(text).toContain('too many to list one by one');
    expect(text).toContain('<summary>Objects (6)</summary>');
    for (let i = 0; i < 5; i++)
      expect(text).toContain(
        `<li>Deployment shop/app-${i} <span class="mono">k8s/many.yaml:${10 * i + 1}:1</span></li>`,
      );
    expect(await html([{ ...base, findings: [...base.findings, ...many] }])).not.toContain('too many');
    const capped = await html([{ ...base, findings: [...base.findings, ...many] }], {
      htmlDetailLimit: 3,
      htmlObjectsPerRule: 2,
    });
    expect(capped).toContain('The first 2 of 6 objects');
    expect(capped).toContain('<li>Deployment shop/app-1 ');
    expect(capped).not.toContain('<li>Deployment shop/app-2 ');
  });

  it('is accessible in structure: a language, one h1, header cells with scope, a label for every filter control', async () => {
    const text = await html([sampleReport()]);
    expect(text).toContain('<html lang="en">');
    expect(text.match(/<h1>/g)).toHaveLength(1);
    const ths = text.match(/<th\b[^>]*>/g) ?? [];
    expect(ths.length).toBeGreaterThan(10);
    for (const th of ths) expect(th).toMatch(/scope="(col|row|rowgroup)"/);
    const ids = [...text.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['filter-category', 'filter-status', 'filter-text']);
    for (const id of ids) expect(text).toContain(`<label for="${id}">`);
    expect(text).toContain('@media print');
  });

  it('every status colour pair and the page text have a contrast of at least 4.5:1', () => {
    for (const s of Object.values(STATUS_STYLE))
      expect(contrastRatio(s.background, s.foreground)).toBeGreaterThanOrEqual(4.5);
    for (const c of [PAGE.text, PAGE.muted, PAGE.link])
      expect(contrastRatio(c, PAGE.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('reportFile: writes the HTML beside any other format, and says which path it could not write', async () => {
    const file = join(tmp, 'report.html');
    const json = await renderReports('json', [sampleReport()], { ...OPTS, reportFile: file });
    expect(JSON.parse(json).schemaVersion).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(`${await html([sampleReport()])}\n`);
    const bad = join(tmp, 'no-such-dir', 'r.html');
    await expect(writeHtmlReport(bad, [sampleReport()], OPTS)).rejects.toThrow(
      `cannot write the HTML report to "${bad}"`,
    );
  });
});
