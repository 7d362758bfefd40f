import { describe, expect, it } from 'vitest';
import { contentStart, documentText, splitDocuments } from '../../../src/inventory/sources/yaml-stream.js';

describe('splitDocuments', () => {
  it('splits a multi-document stream and keeps each start line', () => {
    const text = 'a: 1\n---\nb: 2\n---\n# only a comment\nc: 3\n';
    const docs = splitDocuments(text, 'x.yaml');
    expect(docs.map((d) => documentText(d))).toEqual(['a: 1\n', '---\nb: 2\n', '---\n# only a comment\nc: 3\n']);
    expect(docs.map((d) => d.startLine)).toEqual([0, 1, 3]);
    expect(docs.map((d) => contentStart(d).line)).toEqual([1, 3, 6]);
  });

  it('keeps a leading marker, comments and directives with the document they precede', () => {
    const docs = splitDocuments('# Source: chart/templates/a.yaml\n---\napiVersion: v1\n', 'x.yaml');
    expect(docs).toHaveLength(1);
    expect(contentStart(docs[0])).toEqual({ line: 3, column: 1 });
  });

  it('drops empty documents (helm template leaves them) and trailing comments', () => {
    const docs = splitDocuments('---\n---\na: 1\n---\n# nothing\n', 'x.yaml');
    expect(docs.map((d) => documentText(d).trim())).toEqual(['---\na: 1']);
  });

  it('does not split on --- inside a line or an indented block', () => {
    const docs = splitDocuments('a: |\n  ---\n  text\nb: "x --- y"\n', 'x.yaml');
    expect(docs).toHaveLength(1);
  });

  it('ends a document at a ... marker', () => {
    const docs = splitDocuments('a: 1\n...\nb: 2\n', 'x.yaml');
    expect(docs.map((d) => documentText(d))).toEqual(['a: 1\n...\n', 'b: 2\n']);
    expect(docs[1].startLine).toBe(2);
  });

  it('reads content written on the marker line', () => {
    const docs = splitDocuments('--- {a: 1}\n--- {b: 2}\n', 'x.yaml');
    expect(docs).toHaveLength(2);
    expect(contentStart(docs[1])).toEqual({ line: 2, column: 5 });
  });

  it('handles CRLF line endings', () => {
    const docs = splitDocuments('a: 1\r\n---\r\nb: 2\r\n', 'x.yaml');
    expect(docs).toHaveLength(2);
    expect(docs[1].startLine).toBe(1);
  });
});
