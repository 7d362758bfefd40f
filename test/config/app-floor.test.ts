import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfig } from '../../src/config/load.js';

const yaml = (app: string) => `project: demo
account: "123456789012"
environments:
  test: { preset: test }
  prod: { preset: prod, alarms: { email: [oncall@example.com] } }
apps:
  - name: site
    pattern: web
    image: docker.io/library/nginx:1.27
    port: 8080
${app}`;

function problems(text: string): string[] {
  try {
    parseConfig(text, 'slipway.config.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.location?.line}:${i.path.join('.')}`);
    throw e;
  }
  return [];
}

describe('replica floor of user-facing apps (pitfall 2)', () => {
  it('fails when a web app asks for one replica in prod, pointing at the prod value', () => {
    expect(problems(yaml('    replicas: { test: 1, prod: 1 }\n'))).toEqual(['11:apps.0.replicas.prod']);
  });

  it('fails for a single value that is below the prod floor, pointing at it', () => {
    expect(problems(yaml('    replicas: 1\n'))).toEqual(['11:apps.0.replicas']);
  });

  it('says what was seen and what is allowed', () => {
    expect(() => parseConfig(yaml('    replicas: 1\n'))).toThrow(
      /runs 1 replica\(s\) in prod, below workloads.minReplicas \(2\)/,
    );
  });

  it('fails when autoscaling may go below the floor or its maximum is below its minimum', () => {
    expect(problems(yaml('    replicas: 3\n    autoscaling: { min: 1, max: 4 }\n'))).toEqual([
      '12:apps.0.autoscaling.min',
    ]);
    expect(
      problems(yaml('    replicas: 3\n    autoscaling: { min: { test: 2, prod: 3 }, max: { test: 2, prod: 2 } }\n')),
    ).toEqual(['12:apps.0.autoscaling.max.prod']);
  });

  it('accepts the defaults and the bundled example values', () => {
    expect(problems(yaml(''))).toEqual([]);
    expect(
      problems(yaml('    replicas: { test: 1, prod: 3 }\n    autoscaling: { max: { test: 2, prod: 6 } }\n')),
    ).toEqual([]);
  });
});
