import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledExamplePath, loadConfig, parseConfig } from '../../src/config/load.js';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/versions/lock.js';
import { problems } from '../support/config-problems.js';

const base = `project: shop
environments:
  test:
    preset: test
  prod:
    preset: prod
    alarms: { email: [oncall@example.com] }
`;

describe('loading slipway.config.yaml', () => {
  it('resolves the bundled example into test and prod environments', async () => {
    const cfg = await loadConfig(bundledExamplePath());
    expect(Object.keys(cfg.environments)).toEqual(['test', 'prod']);
    expect(cfg.environments.test.clusterName).toBe('shop-test');
    expect(cfg.environments.prod.secretsPath).toBe('EKS/prod');
    expect(cfg.environments.prod.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(cfg.environments.prod.apps.map((a) => a.name)).toContain('orders-worker');
  });

  it('reports an unknown key at its line with a did-you-mean', () => {
    const [issue] = problems(base.replace('project: shop', 'project: shop\nregoin: us-east-1'));
    expect(issue.path).toEqual(['regoin']);
    expect(issue.location).toMatchObject({ file: 'cfg.yaml', line: 2, column: 1 });
    expect(issue.message).toContain('did you mean "region"');
  });

  it('reports an unknown key inside an environment with its full path', () => {
    const [issue] = problems(`${base}    netwrk: {}\n`);
    expect(issue.path).toEqual(['environments', 'prod', 'netwrk']);
    expect(issue.location?.line).toBe(8);
    expect(issue.message).toContain('"network"');
  });

  it('reports a YAML syntax error with its position', () => {
    const [issue] = problems('project: shop\nenvironments:\n  test: {preset: test\n');
    expect(issue.message).toMatch(/YAML syntax error/);
    expect(issue.location?.line).toBeGreaterThan(0);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const [issue] = problems(bomb);
    expect(issue.message).toMatch(/alias bomb/);
  });

  it('reports duplicate keys', () => {
    const [issue] = problems(`${base}project: other\n`);
    expect(issue.message).toMatch(/duplicate key/);
    expect(issue.location?.line).toBe(8);
  });

  it('reports an empty file and a non-mapping root', () => {
    expect(problems('')[0].message).toMatch(/empty/);
    expect(problems('- a\n- b\n')[0].message).toMatch(/must be a mapping/);
  });

  it('collects every problem at once, each with the value seen', () => {
    const issues = problems(`${base}    logs: { retentionDays: 7 }\n    network: { azCount: 2 }\n`);
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), i]));
    expect(byPath['environments.prod.logs.retentionDays'].received).toBe(7);
    expect(byPath['environments.prod.network.azCount'].received).toBe(2);
    expect(issues.every((i) => i.location?.line)).toBe(true);
  });

  it('points a type error in a project-level value at the project-level line', () => {
    const issues = problems(base.replace('project: shop', 'project: shop\nlogs:\n  retentionDays: "seven"'));
    expect(issues[0].path).toEqual(['logs', 'retentionDays']);
    expect(issues[0].location?.line).toBe(3);
  });

  it('refuses a Kubernetes minor the version lock does not hold, at its line, with the supported minors', () => {
    const issues = problems(base.replace('project: shop', 'project: shop\nkubernetesVersion: "1.28"'));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['kubernetesVersion']);
    expect(issues[0].received).toBe('1.28');
    expect(issues[0].location).toMatchObject({ file: 'cfg.yaml', line: 2, column: 20 });
    expect(issues[0].message).toContain(SUPPORTED_KUBERNETES_VERSIONS.join(', '));
  });

  it('refuses an unlocked Kubernetes minor set in one environment at that environment', () => {
    const issues = problems(base.replace('    preset: prod\n', '    preset: prod\n    kubernetesVersion: "1.36"\n'));
    expect(issues.map((i) => [i.path.join('.'), i.received])).toEqual([
      ['environments.prod.kubernetesVersion', '1.36'],
    ]);
    expect(issues[0].location?.line).toBe(7);
  });

  it('accepts every minor the version lock holds', () => {
    for (const minor of SUPPORTED_KUBERNETES_VERSIONS) {
      const config = parseConfig(base.replace('project: shop', `project: shop\nkubernetesVersion: "${minor}"`));
      expect(config.environments.prod.kubernetesVersion).toBe(minor);
    }
  });

  it('refuses binary and oversized files with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-cfg-'));
    const bin = join(dir, 'bin.yaml');
    writeFileSync(bin, Buffer.from([0x70, 0x00, 0x01, 0x02]));
    await expect(loadConfig(bin)).rejects.toThrow(/binary/);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `project: x\n#${'x'.repeat(1024 * 1024 + 10)}\n`);
    await expect(loadConfig(big)).rejects.toThrow(/larger than/);
    await expect(loadConfig(join(dir, 'missing.yaml'))).rejects.toThrow(/no such file/);
  });
});

describe('the production floor', () => {
  it('fails a prod-preset environment with two AZs, too few nodes, no on-demand, short logs, no alarms and manual backups', () => {
    const issues =
      problems(`${base.replace('    alarms: { email: [oncall@example.com] }\n', '')}    network: { azCount: 2 }
    nodes:
      groups:
        - { name: spot, capacity: spot, instanceTypes: [m5.large], min: 2, desired: 2, max: 4 }
    logs: { retentionDays: 14 }
    alarms: { enabled: false }
    backup: { schedule: manual }
`);
    const messages = issues.map((i) => i.message).join('\n');
    for (const check of [
      'min-availability-zones',
      'min-nodes',
      'on-demand-capacity',
      'log-retention',
      'alarms',
      'daily-backup',
    ]) {
      expect(messages).toContain(`check: ${check}`);
    }
    expect(issues).toHaveLength(6);
  });

  it('fails prod alarms that reach nobody, and accepts a topic or a waiver instead', () => {
    const bare = base.replace('    alarms: { email: [oncall@example.com] }\n', '');
    const [issue] = problems(bare);
    expect(issue.message).toContain('check: alarm-recipient');
    expect(issue.message).toContain('alarms.email');
    const topic = 'arn:aws:sns:us-east-1:123456789012:oncall';
    expect(parseConfig(`${bare}    alarms: { snsTopicArn: "${topic}" }\n`).environments.prod.alarms.snsTopicArn).toBe(
      topic,
    );
    const waived = parseConfig(`${bare}    waivers:
      - check: alarm-recipient
        reason: paging is wired up by the operations team next sprint
`);
    expect(waived.environments.prod.waivers.map((w) => w.check)).toEqual(['alarm-recipient']);
  });

  it('fails a public prod endpoint without CIDRs or open to 0.0.0.0/0, at the CIDR setting', () => {
    for (const cidrs of ['[]', '["0.0.0.0/0"]']) {
      const issues = problems(
        `${base}    cluster: { endpointAccess: publicAndPrivate, publicAccessCidrs: ${cidrs} }\n`,
      );
      expect(issues.map((i) => i.path.join('.'))).toEqual(['environments.prod.cluster.publicAccessCidrs']);
      expect(issues[0].message).toContain('check: public-endpoint-cidrs');
    }
    const ok = parseConfig(
      `${base}    cluster: { endpointAccess: publicAndPrivate, publicAccessCidrs: ["203.0.113.0/24"] }\n`,
    );
    expect(ok.environments.prod.cluster.publicAccessCidrs).toEqual(['203.0.113.0/24']);
    const test = parseConfig(
      base.replace('    preset: test', '    preset: test\n    cluster: { endpointAccess: publicAndPrivate }'),
    );
    expect(test.environments.test.cluster.endpointAccess).toBe('publicAndPrivate');
  });

  it('accepts a violation waived with a written reason', () => {
    const cfg = parseConfig(`${base}    network: { azCount: 2 }
    waivers:
      - check: min-availability-zones
        reason: the region we must use offers only two zones
`);
    expect(cfg.environments.prod.network.azCount).toBe(2);
    expect(cfg.environments.prod.waivers).toHaveLength(1);
  });

  it('warns about a waiver that waives nothing', () => {
    const cfg = parseConfig(`${base}    waivers:
      - check: alarms
        reason: kept in case someone turns alarms off
`);
    expect(cfg.warnings.join()).toMatch(/already meets it/);
  });

  it('does not apply the floor to a test-preset environment', () => {
    const cfg = parseConfig(base);
    expect(cfg.environments.test.logs.retentionDays).toBe(7);
    expect(cfg.environments.test.backup.schedule).toBe('manual');
  });
});
