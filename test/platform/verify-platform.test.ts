import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/types.js';
import type { TextInput } from '../../src/inventory/sources/read-documents.js';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import { synthesizeForVerify } from '../../src/inventory/sources/synth.js';
import { verify } from '../../src/rules/engine/verify.js';
import { RULES } from '../../src/rules/registry.js';
import { exampleEnv, variantEnv } from './fixtures.js';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

let env: EnvironmentConfig;
let inputs: TextInput[];
beforeAll(async () => {
  env = await exampleEnv('prod');
  inputs = await synthesizeForVerify(env);
});

/** The synthesized output with the platform template changed. */
function withTemplate(change: (t: Template) => void): TextInput[] {
  return inputs.map((i) => {
    if (!i.file.endsWith('.template.json')) return i;
    const t = JSON.parse(i.text) as Template;
    change(t);
    return { ...i, text: JSON.stringify(t, null, 2) };
  });
}

function failures(texts: TextInput[]): { ruleId: string; message: string }[] {
  const report = verify(inventoryFromTexts(texts), { env, rules: RULES, now: new Date('2026-12-01') });
  return report.findings.filter((f) => f.status === 'fail');
}

describe('verify of the synthesized prod platform and apps', () => {
  it('passes with zero failures', () => {
    expect(failures(inputs)).toEqual([]);
  });

  it('fails network policy enforcement when the vpc-cni configuration is removed', () => {
    const found = failures(
      withTemplate((t) => {
        for (const r of Object.values(t.Resources)) {
          if (r.Type === 'AWS::EKS::Addon' && r.Properties?.AddonName === 'vpc-cni')
            delete r.Properties.ConfigurationValues;
        }
      }),
    );
    expect(found.map((f) => f.ruleId)).toEqual(['security.network-policy-enforcement']);
    expect(found[0].message).toMatch(/enableNetworkPolicy/);
  });

  it('fails node autoscaling when the Cluster Autoscaler is removed', () => {
    const found = failures(
      withTemplate((t) => {
        for (const [id, r] of Object.entries(t.Resources)) {
          if (r.Type === 'Custom::AWSCDK-EKS-HelmChart' && r.Properties?.Chart === 'cluster-autoscaler')
            delete t.Resources[id];
        }
      }),
    );
    expect(found.map((f) => f.ruleId)).toEqual(['infrastructure.node-autoscaling']);
    expect(found[0].message).toMatch(/nothing adds nodes/);
  });

  it('fails node hardening when node groups lose their launch templates', () => {
    const found = failures(
      withTemplate((t) => {
        for (const r of Object.values(t.Resources))
          if (r.Type === 'AWS::EKS::Nodegroup') delete r.Properties?.LaunchTemplate;
      }),
    );
    expect([...new Set(found.map((f) => f.ruleId))].sort()).toEqual([
      'infrastructure.node-imdsv2',
      'storage.node-volume-encryption',
    ]);
  });

  it('fails log retention when a Lambda function loses its log group', () => {
    const found = failures(
      withTemplate((t) => {
        for (const r of Object.values(t.Resources))
          if (r.Type === 'AWS::Lambda::Function') delete r.Properties?.LoggingConfig;
      }),
    );
    expect([...new Set(found.map((f) => f.ruleId))]).toEqual(['observability.log-retention']);
  });

  it('fails the public apps when the ALB target 5XX alarm is removed, naming each Ingress', () => {
    const found = failures(
      withTemplate((t) => {
        for (const [id, r] of Object.entries(t.Resources))
          if (r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties).includes('HTTPCode_Target_5XX_Count'))
            delete t.Resources[id];
      }),
    );
    expect([...new Set(found.map((f) => f.ruleId))]).toEqual(['observability.ingress-error-alarms']);
    expect(found.map((f) => f.message).every((m) => /HTTPCode_Target_5XX_Count/.test(m))).toBe(true);
    expect(found).toHaveLength(2);
  });
});

describe('verify of the synthesized test platform, which imports its repositories from prod', () => {
  it('passes with zero failures and leaves the repositories to the home', async () => {
    const testEnv = await exampleEnv('test');
    const texts = await synthesizeForVerify(testEnv);
    const inv = inventoryFromTexts(texts);
    const report = verify(inv, { env: testEnv, rules: RULES, now: new Date('2026-12-01') });
    expect(report.findings.filter((f) => f.status === 'fail')).toEqual([]);
    for (const rule of RULES.filter((r) => r.meta.id.startsWith('infrastructure.ecr-'))) {
      const results = rule.check(inv, rule.meta.params.parse(rule.meta.defaults(testEnv)), { env: testEnv });
      expect(results.map((r) => [r.status, r.message])).toEqual([
        ['skip', expect.stringContaining('environment prod')],
      ]);
    }
  });
});

describe('verify of a test environment that pulls its images from prod in another account', () => {
  it('passes with zero failures', async () => {
    const testEnv = variantEnv('test', (input) => {
      const envs = input.environments as Record<string, Record<string, unknown>>;
      envs.test.account = '210987654321';
      envs.test.registry = { home: 'prod' };
    });
    const report = verify(inventoryFromTexts(await synthesizeForVerify(testEnv)), {
      env: testEnv,
      rules: RULES,
      now: new Date('2026-12-01'),
    });
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
