import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../src/report/ascii-json.js';
import { renderJsonReport } from '../../src/report/json.js';
import { sampleReport } from './sample-report.js';

const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 128);

describe('asciiJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes for a report', () => {
    const report = sampleReport();
    expect(asciiJson(report)).toBe(JSON.stringify(report, null, 2));
    expect(asciiJson([report, report])).toBe(JSON.stringify([report, report], null, 2));
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
    expect(asciiJson(value)).toBe(JSON.stringify(value, null, 2));
    expect(asciiJson(undefined)).toBeUndefined();
  });

  it('escapes characters beyond ASCII in keys and values, and reads back as the same value', () => {
    const value = { 'naïve…': ['tier’s — fix', 'emoji 🚀', 'plain'], nul: '\u0000' };
    const text = asciiJson(value) as string;
    expect(isAscii(text)).toBe(true);
    expect(text).toContain('\\u2026');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('is what the JSON report prints: one line more than the JSON, all of it ASCII', () => {
    const report = sampleReport();
    const withDash = {
      ...report,
      findings: report.findings.map((f) => ({ ...f, fix: `${f.fix} — see the runbook…` })),
    };
    const text = renderJsonReport([withDash]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(isAscii(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(withDash)));
  });
});

describe('asciiJson on a large report', () => {
  it('writes the same text across its chunks as JSON.stringify, left-out fields included', () => {
    const report = sampleReport();
    const many = Array.from({ length: 4000 }, (_, i) => ({
      ...report.findings[i % report.findings.length],
      gone: undefined,
      n: i,
    }));
    const big = { ...report, findings: many };
    expect(asciiJson(big)).toBe(JSON.stringify(big, null, 2));
  });
});
