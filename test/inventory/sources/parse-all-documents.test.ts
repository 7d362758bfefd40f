import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parseRawDocument } from '../../../src/inventory/sources/parse-document.js';
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
