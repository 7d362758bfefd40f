import { describe, expect, it, vi } from 'vitest';
import { inventoryFromTexts } from '../../../src/inventory/sources/static-inventory.js';
import type { KubeResource } from '../../../src/inventory/types.js';
import { locationOf } from '../../../src/rules/engine/finding-parts.js';
import { locateFindings, type PendingLocation } from '../../../src/rules/engine/locate-findings.js';
import type { FindingLocation } from '../../../src/rules/engine/types.js';
import type { ValuePath } from '../../../src/util/paths.js';

const deployment = (name: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: app
          image: app:1
`;
const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: a, namespace: shop }
    spec:
      ports: [{ port: 80 }]
  - apiVersion: v1
    kind: Service
    metadata: { name: b, namespace: shop }
    spec:
      ports: [{ port: 81 }]
`;

function inventory() {
  return inventoryFromTexts([
    { file: 'deploy.yaml', text: deployment('web') + deployment('api') },
    { file: 'list.yaml', text: LIST },
  ]);
}

const PATHS: ValuePath[] = [['spec', 'replicas'], ['spec', 'template', 'spec', 'containers', 0, 'image'], ['metadata']];

describe('locating findings after the rules ran', () => {
  it('gives every finding the position locating it on its own gives, in Lists too', () => {
    const expected = inventory()
      .kube()
      .flatMap((r) => PATHS.map((path) => locationOf(r, { path })));
    const inv = inventory();
    // Interleaved across objects, as rules emit them: one rule's findings about every object, then the next's.
    const pending: PendingLocation[] = [];
    const order: { finding: { location: FindingLocation } }[] = [];
    for (const path of PATHS)
      for (const resource of inv.kube()) {
        const finding = { location: {} };
        pending.push({ finding, resource, path });
        order.push({ finding });
      }
    locateFindings(pending);
    const byObject = inv
      .kube()
      .flatMap((_, i) => PATHS.map((_, j) => order[j * inv.kube().length + i].finding.location));
    expect(byObject).toEqual(expected);
    expect(byObject.map((l) => l.line)).toContain(8);
  });

  it("releases each object's positions once, after all of its findings are located", () => {
    const inv = inventory();
    const [web, api] = inv.kube('Deployment') as KubeResource[];
    const events: string[] = [];
    for (const r of [web, api]) {
      const locate = r.locate.bind(r);
      vi.spyOn(r, 'locate').mockImplementation((path) => {
        events.push(`locate ${r.object.metadata.name}`);
        return locate(path);
      });
      vi.spyOn(r, 'releasePositions').mockImplementation(() => events.push(`release ${r.object.metadata.name}`));
    }
    const pending = [web, api, web, api].map((resource) => ({
      finding: { location: {} },
      resource,
      path: ['spec', 'replicas'],
    }));
    locateFindings(pending);
    expect(events).toEqual(['locate web', 'locate web', 'release web', 'locate api', 'locate api', 'release api']);
  });

  it('locates a document again, with the same answers, after it was released', () => {
    const inv = inventory();
    const [web] = inv.kube('Deployment');
    const before = PATHS.map((p) => web.locate(p));
    web.releasePositions?.();
    expect(PATHS.map((p) => web.locate(p))).toEqual(before);
  });
});
