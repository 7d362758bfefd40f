import { describe, expect, it } from 'vitest';
import { mayHaveAlias, parseAllDocuments, parseRawDocument } from '../../../src/inventory/sources/parse-document.js';
import { splitDocuments } from '../../../src/inventory/sources/yaml-stream.js';

/** What parsing the documents one by one gives: the reference the whole-file read must equal. */
function oneByOne(text: string): unknown[] {
  return splitDocuments(text, 'x.yaml').map((d) => {
    const parsed = parseRawDocument(d);
    return 'value' in parsed ? parsed.value : parsed.problem;
  });
}

function wholeFile(text: string): unknown[] | undefined {
  return parseAllDocuments(text, splitDocuments(text, 'x.yaml').length);
}

describe('reading a file in one parser call', () => {
  it('gives the same values as reading its documents one by one', () => {
    const streams = [
      'a: 1\n---\n# only a comment\n---\nb: [x, y]\n',
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  when: 2025-01-01\n  on: yes\n',
      'a: 1\n...\n---\nb: 2\n...\n',
      'a: 1\n--- {b: 2}\n--- # trailing comment\nc: 3\n---\n',
      'base: &b\n  x: 1\nchild:\n  <<: {y: 2}\n',
    ];
    for (const text of streams) expect(wholeFile(text), text).toEqual(oneByOne(text));
  });

  it('leaves a file with a malformed document to the one-by-one reader, which positions the error', () => {
    const text = 'a: 1\n---\nb: 1\nb: 2\n---\nc: 3\n';
    expect(wholeFile(text)).toBeUndefined();
    expect(oneByOne(text)[1]).toMatchObject({ line: 4, message: expect.stringContaining('duplicate key') });
  });

  it('leaves files with aliases to the reader that bounds alias expansion', () => {
    expect(wholeFile('a: &x [1]\nb: *x\n')).toBeUndefined();
  });

  it('leaves files with directives or null documents to the one-by-one reader', () => {
    expect(wholeFile('%YAML 1.2\n---\na: 1\n')).toBeUndefined();
    expect(wholeFile('a: 1\n---\n~\n---\nb: 2\n')).toBeUndefined();
  });
});

describe('mayHaveAlias', () => {
  /** The pattern it answers for, tested at every position of the text. */
  const ALIAS = /(?:^|[\s,[{:])\*[^\s,[\]{}]/;

  it('finds an alias after a blank, a comma, a bracket, a brace, a colon or at the start', () => {
    for (const text of ['b: *x', '*x', 'a: [1, *x]', 'a: [*x]', 'a: {k: *x}', 'a:*x', 'a:\n  - *x', 'a,*x', 'a:\t*x'])
      expect([text, mayHaveAlias(text)]).toEqual([text, true]);
  });

  it('does not take cron schedules, wildcards or a trailing star for aliases', () => {
    const texts = [
      'schedule: "*/5 * * * 1-5"',
      "verbs: ['*']",
      'resources: ["*"]',
      'a: b*c',
      'a: *',
      '*',
      'a: [*]',
      'a: {k: *}',
      'x: * y',
      'glob: foo/**/bar',
      '',
    ];
    for (const text of texts) expect([text, mayHaveAlias(text)]).toEqual([text, false]);
  });

  it('answers as the pattern does on every text built from the characters that matter', () => {
    const alphabet = ['*', 'x', ' ', '\n', ',', '[', ']', '{', '}', ':', '"', '\u00a0'];
    const texts: string[] = [''];
    for (let len = 1; len <= 4; len++) {
      const next: string[] = [];
      for (const t of texts.filter((t) => t.length === len - 1)) for (const c of alphabet) next.push(t + c);
      texts.push(...next);
    }
    const disagree = texts.filter((t) => mayHaveAlias(t) !== ALIAS.test(t));
    expect(disagree).toEqual([]);
    expect(texts.length).toBeGreaterThan(20_000);
  });
});
