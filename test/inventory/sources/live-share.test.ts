import { describe, expect, it } from 'vitest';
import { RepeatedParts } from '../../../src/inventory/sources/live-share.js';
import type { KubeObject } from '../../../src/inventory/types.js';

const pod = (name: string, image: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      labels: { app: 'api', 'pod-template-hash': '7d9c8b6f5d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9c8b6f5d', uid: 'rs-1' }],
    },
    spec: { nodeName: `node-${name}`, containers: [{ name: 'api', image, ports: [{ containerPort: 8080 }] }] },
    status: { podIP: `10.0.0.${name.length}` },
  }) as unknown as KubeObject;

describe('RepeatedParts', () => {
  it('keeps one object for the labels, owner and containers that pods of one ReplicaSet repeat', () => {
    const parts = new RepeatedParts();
    const a = pod('a', 'shop/api:1.0.0');
    const b = pod('bb', 'shop/api:1.0.0');
    parts.share(a);
    parts.share(b);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect((b.spec as { containers: unknown }).containers).toBe((a.spec as { containers: unknown }).containers);
    expect(parts.size).toBe(3);
  });

  it('changes no value: each object still equals what the server sent, unique fields included', () => {
    const parts = new RepeatedParts();
    const sent = [pod('a', 'shop/api:1.0.0'), pod('bb', 'shop/api:1.0.0'), pod('ccc', 'shop/api:2.0.0')];
    const copies = sent.map((o) => structuredClone(o));
    for (const o of sent) parts.share(o);
    expect(sent).toEqual(copies);
    expect((sent[2].spec as { containers: unknown }).containers).not.toBe(
      (sent[0].spec as { containers: unknown }).containers,
    );
  });

  it("shares a pod's labels and containers with its ReplicaSet's template", () => {
    const parts = new RepeatedParts();
    const p = pod('a', 'shop/api:1.0.0');
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'api-7d9c8b6f5d',
        labels: { app: 'api' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'dep-1' }],
      },
      spec: {
        template: {
          metadata: { labels: { app: 'api', 'pod-template-hash': '7d9c8b6f5d' } },
          spec: { containers: [{ name: 'api', image: 'shop/api:1.0.0', ports: [{ containerPort: 8080 }] }] },
        },
      },
    } as unknown as KubeObject;
    parts.share(rs);
    parts.share(p);
    const template = (rs.spec as { template: { metadata: { labels: unknown }; spec: { containers: unknown } } })
      .template;
    expect(p.metadata.labels).toBe(template.metadata.labels);
    expect((p.spec as { containers: unknown }).containers).toBe(template.spec.containers);
    expect(rs.metadata.labels).not.toBe(p.metadata.labels);
  });

  it('shares the parts named for a kind only in objects of that kind', () => {
    const parts = new RepeatedParts({ Pod: [['status']] });
    const a = pod('a', 'shop/api:1.0.0');
    const b = pod('b', 'shop/api:1.0.0');
    const rs = { ...pod('c', 'shop/api:1.0.0'), kind: 'ReplicaSet' } as KubeObject;
    for (const o of [a, b, rs]) parts.share(o);
    expect(b.status).toBe(a.status);
    expect(rs.status).not.toBe(a.status);
    expect(rs.status).toEqual(a.status);
  });

  it('leaves objects no controller owns as they are (Nodes, Deployments)', () => {
    const parts = new RepeatedParts();
    const a = pod('a', 'shop/api:1.0.0');
    const b = pod('bb', 'shop/api:1.0.0');
    delete (a.metadata as { ownerReferences?: unknown }).ownerReferences;
    delete (b.metadata as { ownerReferences?: unknown }).ownerReferences;
    parts.share(a);
    parts.share(b);
    expect(b.metadata.labels).not.toBe(a.metadata.labels);
    expect(parts.size).toBe(0);
  });
});
