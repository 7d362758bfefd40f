import { describe, expect, it } from 'vitest';
import { renderJsonReport, renderJsonReportChunks } from '../../src/report/json.js';
import { jsonChunks } from '../../src/report/json-chunks.js';

const jsonText = (value: unknown) => [...jsonChunks(value)].join('') || undefined;

import { sampleReport } from './sample-report.js';

describe('jsonChunks joined', () => {
  it('writes what JSON.stringify(value, null, 2) writes for a report', () => {
    const report = sampleReport();
    expect(jsonText(report)).toBe(JSON.stringify(report, null, 2));
    expect(jsonText([report, report])).toBe(JSON.stringify([report, report], null, 2));
  });

  it('writes every shape JSON.stringify does: empty containers, left-out entries, nulls, dates, nested lists', () => {
    const value = {
      empty: {},
      none: [],
      gone: undefined,
      fn: () => 1,
      list: [1, undefined, null, 'a\nb', { deep: { deeper: { deepest: [{ x: 1 }] } } }],
      when: new Date(0),
      nested: [[[[['five levels']]]]],
      onlyGone: { a: undefined },
    };
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
    expect(jsonText(undefined)).toBeUndefined();
  });

  it('writes characters beyond ASCII as themselves, in keys and values, as JSON.stringify does', () => {
    const value = { 'naïve…': ['tier’s — fix', 'emoji 🚀', 'plain'], nul: '\u0000' };
    const text = jsonText(value) as string;
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(text).toContain('naïve…');
  });
});

describe('jsonChunks on a large report', () => {
  const report = sampleReport();
  const many = Array.from({ length: 6000 }, (_, i) => ({
    ...report.findings[i % report.findings.length],
    gone: undefined,
    fix: `${report.findings[i % report.findings.length].fix} — see the runbook…`,
    n: i,
  }));
  const big = { ...report, findings: many };

  it('hands out several chunks of about 1 MB that join to what JSON.stringify writes, left-out fields included', () => {
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1 << 20);
    expect(chunks.join('')).toBe(JSON.stringify(big, null, 2));
  });

  it('is what the JSON report prints, chunked or whole: the JSON and a final newline', () => {
    const whole = renderJsonReport([big]);
    expect([...renderJsonReportChunks([big])].join('')).toBe(whole);
    expect(whole).toBe(`${JSON.stringify(big, null, 2)}\n`);
    expect([...renderJsonReportChunks([big, report])].join('')).toBe(`${JSON.stringify([big, report], null, 2)}\n`);
  });
});
