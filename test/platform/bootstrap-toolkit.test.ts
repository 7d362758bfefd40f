import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBootstrap } from '../../src/platform/bootstrap.js';
import { exampleEnv } from './fixtures.js';

// The toolkit is replaced at its module boundary: the adapter's calls are recorded and nothing reaches AWS.
const seen = vi.hoisted(() => ({ targets: [] as string[][], options: [] as unknown[], regions: [] as string[] }));
vi.mock('@aws-cdk/toolkit-lib', () => ({
  BaseCredentials: {
    custom: (o: { region: string }) => {
      seen.regions.push(o.region);
      return o;
    },
  },
  BootstrapEnvironments: {
    fromList: (list: string[]) => {
      seen.targets.push(list);
      return { list };
    },
  },
  Toolkit: class {
    async bootstrap(envs: { list: string[] }, options?: unknown) {
      seen.options.push(options);
      return {
        environments: envs.list.map((name) => ({ environment: { name }, status: 'no-op', duration: 1 })),
        duration: 1,
      };
    }
  },
}));

beforeEach(() => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('bootstrap through @aws-cdk/toolkit-lib', () => {
  it("asks the toolkit to bootstrap exactly the environment's aws://account/region with the default template", async () => {
    const result = await runBootstrap(
      { env: await exampleEnv('prod'), region: 'eu-west-1', yes: true },
      {
        resolveCredentials: async ({ region }) => ({
          provider: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }),
          region,
          source: 'fake',
        }),
        log: () => {},
      },
    );
    expect(seen.targets).toEqual([['aws://123456789012/eu-west-1']]);
    expect(seen.regions).toEqual(['eu-west-1']);
    expect(seen.options).toEqual([undefined]);
    expect(result.status).toBe('no-op');
  });
});
