import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkoutFacts } from '../../../src/inventory/sources/checkout.js';
import type { KubeObject, KubeResource, SourceRef } from '../../../src/inventory/types.js';

describe('checkoutFacts', () => {
  const repo = mkdtempSync(join(tmpdir(), 'slipway-checkout-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  execFileSync('git', ['init', '-q', repo]);
  mkdirSync(join(repo, 'deploy', 'api'), { recursive: true });
  const file = join(repo, 'deploy', 'apps.yaml');

  /** A resource read from `file` that counts how often its position is asked for. */
  function resource(object: KubeObject, asked: { count: number }, known?: { file: string }): KubeResource {
    return {
      id: object.metadata.name,
      object,
      ...known,
      get source(): SourceRef {
        asked.count++;
        return { file, line: 1, column: 1 };
      },
      locate: () => ({ file, line: 1, column: 1 }),
    };
  }
  const application = (name: string, path: string): KubeObject => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: { source: { repoURL: 'https://github.com/acme/shop.git', path } },
  });

  it('tells which synced folders exist in the checkout', () => {
    const asked = { count: 0 };
    const api = resource(application('api', 'deploy/api'), asked);
    const worker = resource(application('worker', './deploy/worker/'), asked);
    const facts = checkoutFacts([api, worker], repo);
    expect(facts.get(api)?.paths).toEqual(new Map([['deploy/api', true]]));
    expect(facts.get(worker)?.paths).toEqual(new Map([['deploy/worker', false]]));
    expect(facts.get(api)?.root).toBe(repo);
  });

  it('works out the position of GitOps objects only, not of every object read', () => {
    const asked = { count: 0 };
    const others = Array.from({ length: 500 }, (_, i) =>
      resource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d${i}` }, spec: {} }, asked),
    );
    const helm = resource(
      {
        ...application('chart', ''),
        spec: { source: { repoURL: 'https://charts.example.com', chart: 'x', path: 'ignored' } },
      },
      asked,
    );
    const app = resource(application('api', 'deploy/api'), asked);
    const facts = checkoutFacts([...others, helm, app], repo);
    expect([...facts.keys()]).toEqual([app]);
    // Only the one Application that syncs a folder needed its file.
    expect(asked.count).toBe(1);
  });

  it('counts no lines for an object that knows its file, as objects read from files do', () => {
    const asked = { count: 0 };
    const app = resource(application('api', 'deploy/api'), asked, { file });
    const facts = checkoutFacts([app], repo);
    expect(facts.get(app)?.paths).toEqual(new Map([['deploy/api', true]]));
    expect(asked.count).toBe(0);
  });
});
