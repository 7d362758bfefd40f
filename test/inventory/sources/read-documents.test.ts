import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../../src/inventory/sources/read-documents.js';
import { inventoryFromTexts } from '../../../src/inventory/sources/static-inventory.js';

const DEPLOYMENT = `# Source: shop/templates/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
        - name: sidecar
          image: envoy:1.31
          env:
            - name: AWS_SECRET_ACCESS_KEY
              value: abc
`;

describe('reading manifests', () => {
  it('positions an object at its first line and fields at their lines', () => {
    const inv = inventoryFromTexts([{ file: 'web.yaml', text: `---\n${DEPLOYMENT}` }]);
    const [web] = inv.kube('Deployment');
    expect(web.id).toBe('apps/Deployment/shop/web');
    expect(web.source).toEqual({ file: 'web.yaml', line: 3, column: 1 });
    expect(web.locate(['spec', 'replicas'])).toMatchObject({ line: 9, column: 13 });
    // A mapping points at its key; a sequence item at its first line.
    expect(web.locate(['spec', 'template'])).toMatchObject({ line: 10 });
    expect(web.locate(['spec', 'template', 'spec', 'containers', 1])).toMatchObject({ line: 17, column: 11 });
    expect(web.locate(['spec', 'template', 'spec', 'containers', 1, 'env', 0, 'value'])).toMatchObject({ line: 21 });
    // A missing field falls back to its nearest ancestor.
    expect(web.locate(['spec', 'template', 'spec', 'containers', 0, 'resources'])).toMatchObject({ line: 15 });
  });

  it('names the file of every object read, List items included', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: a }\n`;
    const inv = inventoryFromTexts([
      { file: 'web.yaml', text: DEPLOYMENT },
      { file: 'list.yaml', text: list },
    ]);
    expect(inv.kube().map((r) => [r.object.metadata.name, r.file])).toEqual([
      ['web', 'web.yaml'],
      ['a', 'list.yaml'],
    ]);
  });

  it('keeps positions right in the later documents of a stream', () => {
    const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  PASSWORD: hunter2\n`;
    const inv = inventoryFromTexts([{ file: 'all.yaml', text }]);
    const [cm] = inv.kube('ConfigMap');
    expect(cm.source.line).toBe(22);
    expect(cm.locate(['data', 'PASSWORD'])).toMatchObject({ line: 27, column: 13 });
  });

  it('reads the items of a List with their own positions', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: a }\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: b\n    spec:\n      type: NodePort\n`;
    const inv = inventoryFromTexts([{ file: 'list.yaml', text }]);
    const [a, b] = inv.kube('Service');
    expect(a.object.metadata.name).toBe('a');
    expect(a.source.line).toBe(4);
    expect(b.source.line).toBe(7);
    expect(b.locate(['spec', 'type'])).toMatchObject({ line: 12 });
  });

  it('reads JSON manifests', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Namespace",\n  "metadata": {\n    "name": "shop"\n  }\n}\n';
    const inv = inventoryFromTexts([{ file: 'ns.json', text }]);
    expect(inv.kube('Namespace')[0].locate(['metadata', 'name'])).toMatchObject({ line: 5 });
  });

  it('keeps custom resources and unknown kinds', () => {
    const text =
      'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: { name: w, namespace: shop }\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: { name: x }\n';
    const inv = inventoryFromTexts([{ file: 'crs.yaml', text }]);
    expect(inv.kube().map((r) => r.id)).toEqual(['keda.sh/ScaledObject/shop/w', 'example.com/Widget/_cluster/x']);
  });

  it('skips documents that are not Kubernetes objects with a note naming the position', () => {
    const text =
      'replicaCount: 2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n';
    const inv = inventoryFromTexts([{ file: 'values.yaml', text }]);
    expect(inv.kube()).toHaveLength(0);
    expect(inv.coverage.notes).toEqual([
      'values.yaml:1: skipped a document that is not a Kubernetes object (no apiVersion)',
    ]);
    expect(inv.problems).toEqual([
      {
        file: 'values.yaml',
        line: 3,
        column: 1,
        message: 'not a valid Kubernetes object: ConfigMap has no metadata.name',
      },
    ]);
  });

  it('reads a List nested in a List with a note, and reports an item without a kind as a problem at its line', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: List',
      '    items:',
      '      - apiVersion: apps/v1',
      '        kind: Deployment',
      '        metadata: { name: inner }',
      '  - apiVersion: apps/v1',
      '    metadata: { name: nokind }',
      '',
    ].join('\n');
    const inv = inventoryFromTexts([{ file: 'nested.yaml', text }]);
    expect(inv.kube().map((r) => r.object.metadata.name)).toEqual(['inner']);
    expect(inv.kube()[0].source.line).toBe(7);
    expect(inv.coverage.notes).toEqual(['nested.yaml:4: a List (v1) nested in a List (v1); its items were read']);
    expect(inv.problems).toEqual([
      {
        file: 'nested.yaml',
        line: 10,
        column: 5,
        message: 'items[1] of a List (v1) is not a valid Kubernetes object: no kind',
      },
    ]);
  });

  it('does not turn dates and yes/no into other types', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  day: 2025-01-01\n  flag: yes\n';
    const [cm] = inventoryFromTexts([{ file: 'c.yaml', text }]).kube();
    expect(cm.object.data).toEqual({ day: '2025-01-01', flag: 'yes' });
  });
});

describe('hostile and malformed documents', () => {
  const good = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: ok }\n';

  it('reports a duplicate key at its position and still reads the other documents', () => {
    const text = `${good}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\n`;
    const read = readDocuments([{ file: 'dup.yaml', text }]);
    expect(read.kube.map((r) => r.object.metadata.name)).toEqual(['ok']);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file: 'dup.yaml', line: 9 });
    expect(read.problems[0].message).toMatch(/duplicate key "name"/);
  });

  it('reports a syntax error with its line', () => {
    const read = readDocuments([{ file: 'bad.yaml', text: `${good}---\na: [1, 2\nb: 3\n` }]);
    expect(read.kube).toHaveLength(1);
    expect(read.problems[0].file).toBe('bad.yaml');
    expect(read.problems[0].line).toBeGreaterThanOrEqual(5);
    expect(read.problems[0].message).toMatch(/YAML syntax error/);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    ].join('\n');
    const read = readDocuments([{ file: 'bomb.yaml', text: `${good}---\n${bomb}\n` }]);
    expect(read.kube).toHaveLength(1);
    expect(read.problems).toEqual([expect.objectContaining({ file: 'bomb.yaml', line: 4 })]);
    expect(read.problems[0].message).toMatch(/alias bomb/);
  });

  it('still reads ordinary anchors and merge keys', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, labels: &l { a: b } }\ndata:\n  <<: { x: "1" }\nextra: *l\n';
    const [cm] = readDocuments([{ file: 'ok.yaml', text }]).kube;
    expect(cm.object.data).toEqual({ x: '1' });
    expect(cm.object.extra).toEqual({ a: 'b' });
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    const read = readDocuments([{ file: 'deep.yaml', text: `${good}---\nx: ${deep}\n` }]);
    expect(read.kube).toHaveLength(1);
    expect(read.problems[0].message).toMatch(/nests/);
  });

  it('does not crash on nesting deep enough to overflow the parser', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const read = readDocuments([{ file: 'deeper.yaml', text: deep }]);
    expect(read.problems).toHaveLength(1);
  });
});
