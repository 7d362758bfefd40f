import { beforeAll, describe, expect, it } from 'vitest';
import { type AppExplanation, explainApp } from '../../src/apps/explain.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { envWith } from './helpers.js';

let env: EnvironmentConfig;
beforeAll(async () => {
  env = (await loadConfig(bundledExamplePath())).environments.prod;
});

const explain = (name: string, e = env) => explainApp(e.apps.find((a) => a.name === name)!, e);
const needed = (x: AppExplanation) => x.components.filter((c) => c.needed).map((c) => c.component);

describe('app explain (the component decision matrix)', () => {
  it('a public web API with secrets and AWS calls needs ingress, Pod Identity and External Secrets, not EBS', () => {
    expect(needed(explain('api'))).toEqual([
      'ECR',
      'EKS base',
      'Ingress',
      'Pod Identity',
      'External Secrets',
      'CloudWatch',
    ]);
  });

  it('a database needs EBS and no ingress; its external image is not from ECR', () => {
    const pg = explain('postgres');
    expect(needed(pg)).toEqual(['EKS base', 'EBS storage', 'External Secrets', 'CloudWatch']);
    expect(pg.components.find((c) => c.component === 'ECR')?.why).toMatch(/external image/);
    expect(pg.components.find((c) => c.component === 'EBS storage')?.matrix).toBe('Yes (multi-tier: Data tier)');
  });

  it('a queue worker needs Pod Identity for its queue and no ingress', () => {
    const w = explain('orders-worker');
    expect(needed(w)).toContain('Pod Identity');
    expect(needed(w)).not.toContain('Ingress');
    expect(w.components.find((c) => c.component === 'Pod Identity')).toMatchObject({
      matrix: 'Usually (multi-tier: Per service)',
      why: expect.stringContaining('consumes SQS shop-orders'),
    });
  });

  it('quotes the plain pattern column for apps without a tier, and warns when a needed component is off', () => {
    const e = envWith(
      [{ name: 'site', pattern: 'web', image: { repository: 'demo/site' }, port: 8080, host: 'www' }],
      'test',
      {
        components: {
          registry: true,
          ingress: false,
          storage: true,
          identity: true,
          secrets: true,
          observability: true,
          backup: true,
        },
      },
    );
    const x = explainApp(e.apps[0], e);
    const ingress = x.components.find((c) => c.component === 'Ingress');
    expect(ingress?.matrix).toBe('Yes');
    expect(ingress?.warning).toMatch(/off in test/);
  });
});
