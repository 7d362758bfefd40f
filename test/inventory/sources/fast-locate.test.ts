import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LineCounter, type Node, parseDocument } from 'yaml';
import { fastLocate, newIndentCache, type StepCache } from '../../../src/inventory/sources/fast-locate.js';
import { findOffset } from '../../../src/inventory/sources/locate.js';
import { documentText, splitDocuments } from '../../../src/inventory/sources/yaml-stream.js';
import type { ValuePath } from '../../../src/util/paths.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

const TRICKY = [
  `---\n# comment\nmetadata:\n  name: a # trailing\n  labels: { app: web, "tier": 'front', empty: , list: [1, [2, 3], {x: y}] }\nspec:\n  containers:\n  - name: a\n    args:\n    - --flag=x: y\n    -   spaced\n    -\n      nested: true\n  - - inner\n    - inner2\n  "quoted key": 1\n  'single ''q''': 2\n  url: http://example.com:8080/x\n  empty:\n  nulls: ~\n  block: |\n    line: not a key\n    - not an item\n  folded: >-\n    text\n  after: 3\n`,
  'a:\n  b:\n    c: 1\n  # between\n\n  d:\n    - x\n    - y: 1\n      z: 2\n',
  'key: &anchor\n  a: 1\nother: *anchor\ntagged: !Ref Thing\n',
  '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": { "name": "c" }\n}\n',
  'multi: [\n  1,\n  2\n]\nplain: this is\n  a multi-line\n  scalar\nnext: 1\n',
  '? complex\n: value\n',
  'data:\n  text: "a string\n    over lines"\n  n: 1\n',
  // A non-breaking space before the colon belongs to the key.
  'spec:\n  name\u00a0: odd\n  name: plain\n  tabbed\t: 1\n',
  // Flow documents over several lines: plain scalars running on, keys apart from their colon, comments, quotes over lines.
  '{\n  a: plain\n    continued,\n  b: [1,\n    2], c: {d: e}\n}\n',
  '{ "a"\n  : 1, "b": 2 }\n',
  '[\n  1, # one\n  2\n]\n',
  '{ "a": "over\n  lines", "b": \'x\n  y\', "c": 3 }\n',
  '[ {"k": null}, {"k": ~}, {"k": }, [], {} ]\n',
];

function allPaths(v: unknown, prefix: (string | number)[] = [], out: ValuePath[] = []): ValuePath[] {
  out.push(prefix);
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      allPaths(x, [...prefix, i], out);
    });
    out.push([...prefix, v.length]);
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...prefix, k], out);
    out.push([...prefix, 'missing-key']);
  }
  return out;
}

/** Every path of every document: the fast locator agrees with the full parser, or gives up. */
function compare(text: string): { agree: number; gaveUp: number; disagree: string[] } {
  let agree = 0;
  let gaveUp = 0;
  const disagree: string[] = [];
  for (const d of splitDocuments(text, 'x.yaml')) {
    const t = documentText(d);
    let value: unknown;
    try {
      value = load(t);
    } catch {
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(t, { lineCounter: lines });
    const split = t.split('\n').map((l) => l.replace(/\r$/, ''));
    // Every path once on its own and once through the walks cached from the document's earlier paths.
    const steps: StepCache = {};
    const indents = newIndentCache(split);
    for (const p of allPaths(value)) {
      const want = lines.linePos(findOffset(doc.contents as Node | null, p) ?? 0);
      const got = fastLocate(split, p);
      const cached = fastLocate(split, p, indents, steps);
      if (JSON.stringify(cached) !== JSON.stringify(got)) {
        disagree.push(
          `${JSON.stringify(p)}: alone ${JSON.stringify(got)}, after other paths ${JSON.stringify(cached)}`,
        );
      }
      if (!got) gaveUp++;
      else if (got.line + 1 === want.line && got.col + 1 === want.col) agree++;
      else disagree.push(`${JSON.stringify(p)}: want ${want.line}:${want.col}, got ${got.line + 1}:${got.col + 1}`);
    }
  }
  return { agree, gaveUp, disagree };
}

describe('fastLocate', () => {
  it('agrees with the full parser on every path of the fixtures and CRDs', () => {
    const files = [
      'test/fixtures/verify/pitfalls.yaml',
      'test/fixtures/verify/good-eks-app.yaml',
      ...readdirSync(join(ROOT, 'crds')).map((f) => `crds/${f}`),
    ];
    for (const f of files) {
      const r = compare(readFileSync(join(ROOT, f), 'utf8'));
      expect(r.disagree, f).toEqual([]);
      expect(r.agree, f).toBeGreaterThan(10);
    }
  });

  it('agrees or gives up on tricky YAML (flow, quotes, compact and nested sequences, block scalars, JSON)', () => {
    for (const t of TRICKY) expect(compare(t).disagree, t).toEqual([]);
    expect(compare(TRICKY[0]).agree).toBeGreaterThan(30);
  });

  it('agrees with the full parser on every path of the fixtures and CRDs written as indented JSON', () => {
    const files = [
      'test/fixtures/verify/good-eks-app.yaml',
      ...readdirSync(join(ROOT, 'crds')).map((f) => `crds/${f}`),
    ];
    for (const f of files) {
      for (const d of splitDocuments(readFileSync(join(ROOT, f), 'utf8'), f)) {
        const json = JSON.stringify(load(documentText(d)), null, 2);
        const r = compare(json);
        expect(r.disagree, f).toEqual([]);
        expect(r.gaveUp, f).toBe(0);
      }
    }
  });

  it('reads a JSON document that spans lines, and gives up on anchors and complex keys', () => {
    expect(fastLocate(TRICKY[3].split('\n'), ['metadata', 'name'])).toEqual({ line: 3, col: 24 });
    expect(fastLocate(TRICKY[2].split('\n'), ['key', 'a'])).toBeUndefined();
    expect(fastLocate(TRICKY[5].split('\n'), ['complex'])).toBeUndefined();
  });
});

/** A List of `n` Deployments, each with a container. */
function deploymentList(n: number) {
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: Array.from({ length: n }, (_, i) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, labels: { app: `app-${i}` } },
      spec: {
        replicas: 1,
        template: {
          spec: { containers: [{ name: 'app', image: `shop/app-${i}:1.0`, ports: [{ containerPort: 80 }] }] },
        },
      },
    })),
  };
}

/** Locates a few paths in every item with one cache for the document, as a verify run does; returns the work done. */
function locateAll(lines: string[], n: number, prefix: (i: number) => ValuePath): { work: number; last?: unknown } {
  const steps: StepCache = {};
  const indents = newIndentCache(lines);
  let last: unknown;
  for (let i = 0; i < n; i++) {
    for (const rest of [
      ['metadata', 'name'],
      ['spec', 'replicas'],
      ['spec', 'template', 'spec', 'containers', 0, 'image'],
    ]) {
      last = fastLocate(lines, [...prefix(i), ...rest], indents, steps);
      expect(last, `${i} ${rest.join('.')}`).toBeDefined();
    }
  }
  return { work: steps.work ?? 0, last };
}

describe('fastLocate work', () => {
  it('reads a one-line (minified) JSON List once however many findings it locates', () => {
    for (const n of [100, 1000]) {
      const text = JSON.stringify(deploymentList(n));
      const { work, last } = locateAll([text], n, (i) => ['items', i]);
      // One parse of the line (every character read once, not once per lookup: 3n lookups), plus the line itself.
      expect(work).toBeLessThanOrEqual(text.length + 1);
      expect(work).toBeGreaterThan(text.length * 0.9);
      expect(last).toEqual({ line: 0, col: text.lastIndexOf('"shop/app-') });
    }
  });

  it('reads a one-line CloudFormation template once and finds each of its resources through an index', () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++)
      resources[`Group${i}`] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: `/g/${i}` } };
    const text = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
    const steps: StepCache = {};
    const lines = [text];
    const indents = newIndentCache(lines);
    for (let i = 0; i < 5000; i++) {
      const at = fastLocate(lines, ['Resources', `Group${i}`, 'Properties', 'LogGroupName'], indents, steps);
      expect(at).toEqual({ line: 0, col: text.indexOf(`"/g/${i}"`) });
    }
    expect(steps.work).toBeLessThanOrEqual(text.length + 1);
  });

  it('visits each line of a block YAML List a bounded number of times, not once per earlier item', () => {
    const perLine: number[] = [];
    for (const n of [100, 1000]) {
      const text = dump(deploymentList(n));
      const lines = text.split('\n');
      const { work } = locateAll(lines, n, (i) => ['items', i]);
      perLine.push(work / lines.length);
    }
    // Each line is visited once per mapping or sequence above it (a few), whatever the number of items.
    expect(perLine[1]).toBeLessThan(8);
    expect(perLine[1]).toBeLessThan(perLine[0] * 1.2);
  });
});
