import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARGOCD_NAMESPACE } from '../../src/apps/argocd.js';
import { loadConfig } from '../../src/config/load.js';
import { SYSTEM_NAMESPACES } from '../../src/config/system-namespaces.js';
import { KEDA_OPERATOR } from '../../src/platform/addons.js';
import { KARPENTER } from '../../src/platform/karpenter.js';
import { EXTERNAL_SECRETS } from '../../src/platform/secrets.js';
import { problems } from '../support/config-problems.js';

const withApp = (app: string, head = 'project: shop\nregion: us-east-1') =>
  `${head}\nenvironments:\n  test:\n    preset: test\napps:\n${app}`;

describe('config values that would produce broken or harmful output', () => {
  it('refuses an app in kube-system, with the position of the namespace', () => {
    const [issue] = problems(
      withApp('  - name: api\n    pattern: web\n    port: 80\n    image: shop/api:1\n    namespace: kube-system'),
    );
    expect(issue.message).toMatch(/system namespace kube-system/);
    expect(issue.location).toMatchObject({ file: 'cfg.yaml', line: 11, column: 16 });
  });

  it('refuses a project named after a system namespace when apps take its name', () => {
    const [issue] = problems(
      withApp('  - name: api\n    pattern: web\n    port: 80\n    image: shop/api:1', 'project: default'),
    );
    expect(issue.path).toEqual(['project']);
    expect(issue.message).toMatch(/system namespace default \(from the project name\)/);
  });

  it("lists every namespace the platform's controllers use as a system namespace", () => {
    for (const ns of [
      ARGOCD_NAMESPACE,
      KEDA_OPERATOR.namespace,
      KARPENTER.namespace,
      EXTERNAL_SECRETS.namespace,
      'amazon-cloudwatch',
      'kube-public',
      'kube-node-lease',
    ]) {
      expect(SYSTEM_NAMESPACES).toContain(ns);
    }
  });

  it('refuses 1e12 replicas, an empty repository and a host with a space, each at its line', () => {
    const issues = problems(
      withApp(
        [
          '  - name: api',
          '    pattern: web',
          '    port: 80',
          '    image: { repository: "", tag: "1" }',
          '    host: "api shop"',
          '    replicas: 1e12',
        ].join('\n'),
      ),
    );
    const at = (field: string) => issues.find((i) => i.path.includes(field));
    expect(at('replicas')?.location?.line).toBe(12);
    expect(at('replicas')?.message).toMatch(/10000/);
    expect(at('repository')?.location?.line).toBe(10);
    expect(at('host')?.location?.line).toBe(11);
    expect(at('host')?.message).toMatch(/no spaces/);
  });

  it('refuses availability zones of another region', () => {
    const text =
      'project: shop\nregion: us-east-1\nnetwork:\n  availabilityZones: [us-east-1a, eu-west-1b]\nenvironments:\n  test:\n    preset: test\n';
    const [issue] = problems(text);
    expect(issue.path).toEqual(['network', 'availabilityZones', 1]);
    expect(issue.message).toMatch(/eu-west-1b is not in the region .* \(us-east-1\)/);
    expect(issue.location?.line).toBe(4);
  });

  it('refuses the environment names constructor and __proto__ with a clear message', () => {
    const [ctor] = problems('project: shop\nenvironments:\n  constructor: { preset: test }\n');
    expect(ctor.message).toMatch(/built-in object property/);
    const [proto] = problems('project: shop\nenvironments:\n  test: { preset: test }\n  __proto__: { preset: prod }\n');
    expect(proto.message).toMatch(/"__proto__" is not allowed/);
    expect(proto.location).toMatchObject({ line: 4, column: 3 });
  });

  it('refuses a FIFO as the config file instead of waiting on it', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'slipway-cfg-')), 'slipway.config.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(loadConfig(fifo)).rejects.toThrow(/FIFO/);
  });
});
