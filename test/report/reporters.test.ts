import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.js';
import { verifyOutputSchema } from '../../src/report/json-schema.js';
import { sampleReport } from './sample-report.js';

const GOLDEN = join(import.meta.dirname, '..', 'golden', 'verify');
const OPTS = { color: false, toolVersion: '0.0.0-test' };

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('verify reporters', () => {
  const report = sampleReport();

  it('json: matches the versioned contract and the golden file', async () => {
    const text = await renderReports('json', [report], OPTS);
    const parsed = JSON.parse(text);
    expect(verifyOutputSchema.safeParse(parsed).success).toBe(true);
    expect(parsed.schemaVersion).toBe(1);
    golden('report.json', text);
  });

  it('json: several environments print as an array of reports', async () => {
    const parsed = JSON.parse(await renderReports('json', [report, report], OPTS));
    expect(Array.isArray(parsed)).toBe(true);
    expect(verifyOutputSchema.safeParse(parsed).success).toBe(true);
  });

  it('table: the checklist, findings by file:line, suppressed, score', async () => {
    const text = await renderReports('table', [report], OPTS);
    expect(text).toContain('Multi-AZ nodes');
    expect(text).toContain('k8s/shop.yaml');
    golden('report.txt', text);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, pointing at lines', async () => {
    const text = await renderReports('sarif', [report], OPTS);
    const sarif = JSON.parse(text);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation?: { region?: { startLine: number } } }[];
    }[];
    const replicas = results.find((r) => r.ruleId === 'reliability.replicas');
    expect(replicas?.locations[0].physicalLocation?.region?.startLine).toBe(9);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('reliability.replicas');
    golden('report.sarif', text);
  });

  it('sarif: an unknown without a file is left out unless asked for, open of level none when asked, and an error when unknowns fail the run', async () => {
    const unknownOf = (text: string) =>
      (JSON.parse(text).runs[0].results as { ruleId: string; kind: string; level: string }[]).find(
        (r) => r.ruleId === 'infrastructure.multi-az-nodes',
      );
    expect(unknownOf(await renderReports('sarif', [report], OPTS))).toBeUndefined();
    expect(unknownOf(await renderReports('sarif', [report], { ...OPTS, unlocatedUnknowns: true }))).toMatchObject({
      kind: 'open',
      level: 'none',
    });
    const strict = sampleReport({ failOn: 'unknown' });
    expect(strict.summary.result).toBe('fail');
    const text = await renderReports('sarif', [strict], OPTS);
    expect(sarifValidator()(JSON.parse(text))).toBe(true);
    expect(unknownOf(text)).toMatchObject({ kind: 'fail', level: 'error' });
    const replicas = JSON.parse(text).runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'reliability.replicas',
    );
    expect(replicas).toMatchObject({ kind: 'fail', level: 'error' });
  });

  it('sarif: every rule links to its docs, and every distinct finding has its own fingerprint', async () => {
    const twice = sampleReport();
    const f = twice.findings.find((x) => x.ruleId === 'reliability.replicas');
    if (!f) throw new Error('sample report lacks a replicas finding');
    const sibling = { ...f, message: `${f.message} (second container)` };
    const report2 = { ...twice, findings: [...twice.findings, sibling, { ...sibling }] };
    const sarif = JSON.parse(await renderReports('sarif', [report2], OPTS));
    for (const rule of sarif.runs[0].tool.driver.rules as { id: string; helpUri: string }[])
      expect(rule.helpUri).toBe(
        `https://github.com/slipway-dev/slipway/blob/main/docs/rules.md#${rule.id.replace(/\./g, '')}`,
      );
    const prints = (sarif.runs[0].results as { partialFingerprints: Record<string, string> }[]).map(
      (r) => r.partialFingerprints['slipwayFinding/v2'],
    );
    expect(new Set(prints).size).toBe(prints.length);
    expect(sarifValidator()(sarif)).toBe(true);
  });

  it('sarif: files are relative to %SRCROOT%, absolute paths under the source root become relative, others stay file URIs', async () => {
    const base = sampleReport();
    const f = base.findings.find((x) => x.location.file === 'k8s/shop.yaml');
    if (!f) throw new Error('sample report lacks a located finding');
    const inside = { ...f, location: { ...f.location, file: '/repo/deploy/app.yaml' } };
    const outside = { ...f, message: 'elsewhere', location: { ...f.location, file: '/tmp/other.yaml' } };
    const report2 = { ...base, findings: [f, inside, outside] };
    const sarif = JSON.parse(await renderReports('sarif', [report2], { ...OPTS, srcRoot: '/repo' }));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    const artifacts = (
      sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: unknown } }[] }[]
    ).map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(artifacts).toEqual([
      { uri: 'k8s/shop.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'deploy/app.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///tmp/other.yaml' },
    ]);
  });

  it('junit: testcase names are unique and every testcase and suite carries the time its rule took', async () => {
    const base = sampleReport();
    const f = base.findings.find((x) => x.ruleId === 'reliability.replicas');
    if (!f) throw new Error('sample report lacks a replicas finding');
    const report2 = { ...base, findings: [...base.findings, { ...f }, { ...f }] };
    const text = await renderReports('junit', [report2], { ...OPTS, timings: new Map([['reliability.replicas', 30]]) });
    expect(isWellFormedXml(text)).toBe(true);
    const names = [...text.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[1]}|${m[2]}`);
    expect(new Set(names).size).toBe(names.length);
    expect(text.match(/<testcase [^>]*>/g)?.every((t) => / time="\d+\.\d{3}"/.test(t))).toBe(true);
    expect(text).toMatch(/<testsuite name="prod\/reliability"[^>]* time="0\.030"/);
  });

  it('junit: well-formed XML with a testsuite per category and failures', async () => {
    const text = await renderReports('junit', [report], OPTS);
    expect(isWellFormedXml(text)).toBe(true);
    expect(text).toContain('<testsuite name="prod/reliability"');
    expect(text).toContain('<failure');
    expect(text).toContain('duplicate key &quot;a&quot;');
    golden('report.junit.xml', text);
  });

  it('md: the checklist and findings as Markdown tables', async () => {
    const text = await renderReports('md', [report], OPTS);
    expect(text).toContain('| Category | Item | Status | How verified | Why it matters |');
    golden('report.md', text);
  });
});

/** A validator for the official SARIF 2.1.0 schema (vendored under test/fixtures). */
function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
  );
  // The vendored schema is draft-04: its `id` is draft-07's `$id`.
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/**
 * A minimal XML well-formedness check: one root, balanced and properly nested
 * tags, quoted attributes, only the five predefined entities or character references.
 */
function isWellFormedXml(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<\/?([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    if (!m) return false;
    pos = token.lastIndex;
    if (m[4] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[4])) return false;
      if (stack.length === 0 && m[4].trim()) return false;
      continue;
    }
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[2])) return false;
    const closing = m[0].startsWith('</');
    if (closing) {
      if (stack.pop() !== m[1]) return false;
    } else {
      if (stack.length === 0) roots++;
      if (m[3] !== '/') stack.push(m[1]);
    }
  }
  return stack.length === 0 && roots === 1;
}
