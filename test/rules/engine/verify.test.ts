import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.js';
import { inventoryFromTexts } from '../../../src/inventory/sources/static-inventory.js';
import { verify } from '../../../src/rules/engine/verify.js';
import type { Rule } from '../../../src/rules/types.js';
import { brokenRule, probesRule, prodEnv, replicasRule, TEST_RULES, unknownRule } from './test-rules.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function deployment(name: string, replicas: number, annotations = '', podAnnotations = '') {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop${annotations ? `\n  annotations:\n${annotations}` : ''}
spec:
  replicas: ${replicas}
  template:
    metadata:
      labels: { app: ${name} }${podAnnotations ? `\n      annotations:\n${podAnnotations}` : ''}
    spec:
      containers:
        - name: app
          image: app:1
        - name: proxy
          image: proxy:1
          readinessProbe: { httpGet: { path: /, port: 80 } }
`;
}

const inv = (text: string) => inventoryFromTexts([{ file: 'm.yaml', text }]);

describe('verify', () => {
  it('reports failures with severity from the preset and the line the rule points at', () => {
    const report = verify(inv(deployment('web', 1)), { env: prodEnv(), rules: TEST_RULES, now: NOW });
    const f = report.findings.find((x) => x.ruleId === 'reliability.replicas');
    expect(f).toMatchObject({
      status: 'fail',
      severity: 'high',
      subject: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      location: { file: 'm.yaml', line: 8, column: 13 },
      fix: 'how to fix it',
    });
    const probe = report.findings.find((x) => x.ruleId === 'reliability.readiness-probe');
    expect(probe).toMatchObject({ subject: { container: 'app' }, location: { line: 14 } });
    expect(report.summary.result).toBe('fail');
    expect(report.environment).toMatchObject({ name: 'prod', preset: 'prod' });
  });

  it('records the time each rule that ran took, and leaves the report unchanged by it', () => {
    let t = 0;
    const timings = new Map<string, number>();
    const input = inv(deployment('web', 1));
    const timed = verify(input, { env: prodEnv(), rules: TEST_RULES, now: NOW, timings, clock: () => (t += 5) });
    expect([...timings.keys()].sort()).toEqual(
      timed.rules
        .filter((r) => r.category !== 'slipway')
        .map((r) => r.id)
        .sort(),
    );
    for (const ms of timings.values()) expect(ms).toBe(5);
    expect(timed).toEqual(verify(input, { env: prodEnv(), rules: TEST_RULES, now: NOW }));
  });

  it('passes when no failure reaches failOn', () => {
    const report = verify(inv(deployment('web', 1)), {
      env: prodEnv(),
      rules: [replicasRule] as Rule[],
      failOn: 'critical',
      now: NOW,
    });
    expect(report.summary.result).toBe('pass');
  });

  it('takes parameters, severity and the enabled flag from env.verify.rules', () => {
    const env = prodEnv({
      verify: {
        rules: {
          'reliability.replicas': { params: { min: 1 }, severity: 'critical' },
          'reliability.readiness-probe': { enabled: false },
        },
      },
    });
    const report = verify(inv(deployment('web', 1)), { env, rules: TEST_RULES, now: NOW });
    expect(report.findings.filter((f) => f.ruleId.startsWith('reliability'))).toEqual([]);
    expect(report.rules.find((r) => r.id === 'reliability.replicas')?.severity).toBe('critical');
    const probes = report.checklist.find((c) => c.id === 'reliability.probes');
    expect(probes).toMatchObject({
      status: 'unknown',
      note: 'rule reliability.readiness-probe disabled in the config',
    });
  });

  it('rejects invalid parameters with the config path', () => {
    const env = prodEnv({ verify: { rules: { 'reliability.replicas': { params: { min: 0 } } } } });
    try {
      verify(inv(deployment('web', 1)), { env, rules: TEST_RULES, now: NOW });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues[0].path).toEqual([
        'environments',
        'prod',
        'verify',
        'rules',
        'reliability.replicas',
        'params',
        'min',
      ]);
    }
  });

  it('turns a rule that throws into one unknown result, never a crash', () => {
    const report = verify(inv(deployment('web', 3)), {
      env: prodEnv(),
      rules: [brokenRule] as Rule[],
      now: NOW,
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'observability.broken',
        status: 'unknown',
        message: expect.stringMatching(/boom/),
      }),
    ]);
    expect(report.checklist.find((c) => c.id === 'observability.alarms')?.status).toBe('unknown');
  });

  it('selects rules with include and exclude globs', () => {
    const report = verify(inv(deployment('web', 1)), {
      env: prodEnv(),
      rules: TEST_RULES,
      include: ['reliability.*'],
      exclude: ['*.readiness-probe'],
      now: NOW,
    });
    expect(report.rules.filter((r) => r.category !== 'slipway').map((r) => r.id)).toEqual(['reliability.replicas']);
  });

  it('aggregates the checklist: fail > unknown > warn > pass; no rule → unknown; nothing to check → skip', () => {
    const report = verify(inv(deployment('web', 2)), { env: prodEnv(), rules: TEST_RULES, now: NOW });
    const status = Object.fromEntries(report.checklist.map((c) => [c.id, c.status]));
    expect(status['reliability.replicas']).toBe('pass');
    expect(status['reliability.probes']).toBe('fail');
    expect(status['infrastructure.multi-az-nodes']).toBe('unknown');
    expect(status['operations.backups']).toBe('unknown');
    expect(report.checklist).toHaveLength(21);
    const empty = verify(inv('apiVersion: v1\nkind: Namespace\nmetadata: { name: x }\n'), {
      env: prodEnv(),
      rules: TEST_RULES,
      now: NOW,
    });
    expect(empty.checklist.find((c) => c.id === 'reliability.replicas')?.status).toBe('skip');
  });

  it('scores by severity weight; unknown never counts as pass', () => {
    const report = verify(inv(deployment('web', 2)), { env: prodEnv(), rules: TEST_RULES, now: NOW });
    // replicas pass (high=4), probes: one fail, one pass (medium=2 each), multi-az unknown (critical=8).
    expect(report.summary.score.categories.reliability).toBe(75);
    expect(report.summary.score.categories.infrastructure).toBe(0);
    expect(report.summary.score.overall).toBe(Math.floor((100 * 6) / 16));
    expect(report.summary.score.categories.cost).toBeNull();
  });

  it('reports unreadable input as slipway.input failures with positions', () => {
    const report = verify(inv(`${deployment('web', 2)}---\na: 1\na: 2\n`), {
      env: prodEnv(),
      rules: [replicasRule] as Rule[],
      now: NOW,
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'slipway.input',
        status: 'fail',
        location: { file: 'm.yaml', line: 21, column: 1 },
      }),
    ]);
    expect(report.summary.result).toBe('fail');
  });

  it('orders findings deterministically', () => {
    const text = deployment('b', 1) + deployment('a', 1);
    const one = verify(inv(text), { env: prodEnv(), rules: TEST_RULES, now: NOW });
    const two = verify(inv(text), { env: prodEnv(), rules: [...TEST_RULES].reverse(), now: NOW });
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
  });
});

describe('suppressions', () => {
  const rules = [replicasRule, probesRule] as Rule[];

  it('an annotation with a reason suppresses the rule on the object', () => {
    const ann = '    slipway.io/ignore.reliability.replicas: "singleton by design; expires=2026-12-31"';
    const report = verify(inv(deployment('web', 1, ann)), { env: prodEnv(), rules, now: NOW });
    const f = report.findings.find((x) => x.ruleId === 'reliability.replicas');
    expect(f?.suppressed).toEqual({
      by: 'annotation',
      reason: 'singleton by design',
      expires: '2026-12-31',
      key: 'slipway.io/ignore.reliability.replicas',
    });
    expect(report.summary.suppressed).toBe(1);
    expect(report.checklist.find((c) => c.id === 'reliability.replicas')?.status).toBe('skip');
  });

  it('a container-scoped annotation on the pod template suppresses only that container', () => {
    const pod = '        slipway.io/ignore.reliability.readiness-probe.app: "batch container, no traffic"';
    const report = verify(inv(deployment('web', 2, '', pod)), { env: prodEnv(), rules, now: NOW });
    const probes = report.findings.filter((x) => x.ruleId === 'reliability.readiness-probe');
    expect(probes).toHaveLength(1);
    expect(probes[0].suppressed?.reason).toBe('batch container, no traffic');
  });

  it('an annotation without a reason does not suppress and is reported', () => {
    const ann = '    slipway.io/ignore.reliability.replicas: ""';
    const report = verify(inv(deployment('web', 1, ann)), { env: prodEnv(), rules, now: NOW });
    expect(report.findings.find((x) => x.ruleId === 'reliability.replicas')?.suppressed).toBeUndefined();
    expect(report.findings.find((x) => x.ruleId === 'slipway.suppression-invalid')).toMatchObject({
      status: 'warn',
      location: { line: 8 },
    });
  });

  it('an expired annotation no longer suppresses and is reported', () => {
    const ann = '    slipway.io/ignore.reliability.replicas: "temporary; expires=2026-01-31"';
    const report = verify(inv(deployment('web', 1, ann)), { env: prodEnv(), rules, now: NOW });
    expect(report.findings.find((x) => x.ruleId === 'reliability.replicas')?.suppressed).toBeUndefined();
    expect(report.findings.some((x) => x.ruleId === 'slipway.suppression-expired')).toBe(true);
  });

  it('an annotation that suppresses nothing is reported as unused', () => {
    const ann = '    slipway.io/ignore.reliability.replicas: "singleton by design"';
    const report = verify(inv(deployment('web', 3, ann)), { env: prodEnv(), rules, now: NOW });
    expect(report.findings.find((x) => x.ruleId === 'slipway.suppression-unused')).toMatchObject({
      status: 'warn',
      subject: { kind: 'Deployment', name: 'web' },
    });
  });
});

describe('config exemptions', () => {
  const rules = [replicasRule, unknownRule] as Rule[];

  it('exempt matching findings by rule glob, kind, namespace and name', () => {
    const env = prodEnv({
      verify: {
        exemptions: [
          {
            rule: 'reliability.*',
            kind: 'Deployment',
            namespace: 'shop',
            name: 'w*',
            reason: 'accepted for launch week',
          },
        ],
      },
    });
    const report = verify(inv(deployment('web', 1)), { env, rules, now: NOW, configFile: 'slipway.config.yaml' });
    expect(report.findings.find((x) => x.ruleId === 'reliability.replicas')?.suppressed).toMatchObject({
      by: 'exemption',
      key: 'environments.prod.verify.exemptions[0]',
    });
  });

  it('reports unused and expired exemptions', () => {
    const env = prodEnv({
      verify: {
        exemptions: [
          { rule: 'reliability.replicas', name: 'other', reason: 'accepted for launch week' },
          { rule: 'infrastructure.*', reason: 'accepted for launch week', expires: '2026-05-01' },
        ],
      },
    });
    const report = verify(inv(deployment('web', 1)), { env, rules, now: NOW, configFile: 'slipway.config.yaml' });
    const meta = report.findings.filter((f) => f.category === 'slipway').map((f) => [f.ruleId, f.subject]);
    expect(meta).toEqual([
      ['slipway.exemption-expired', { kind: 'Exemption', name: 'environments.prod.verify.exemptions[1]' }],
      ['slipway.exemption-unused', { kind: 'Exemption', name: 'environments.prod.verify.exemptions[0]' }],
    ]);
    expect(report.findings.find((x) => x.ruleId === 'infrastructure.multi-az-nodes')?.suppressed).toBeUndefined();
  });
});
