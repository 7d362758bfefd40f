import { Token } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ACCOUNT } from '../../src/config/presets.js';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import { synthesizeForVerify } from '../../src/inventory/sources/synth.js';
import { runPlatformAction } from '../../src/platform/deploy.js';
import rule from '../../src/rules/security/placeholder-account.js';
import { synth, variantEnv } from './fixtures.js';

/** The bundled example with no account anywhere (the admins' ARNs name one, so they go too). */
const agnostic = (name: 'test' | 'prod') =>
  variantEnv(name, (input) => {
    delete input.account;
    delete input.cluster;
  });

describe('synthesis without an account', () => {
  it('builds an account-agnostic stack: AWS::AccountId everywhere, the placeholder nowhere, the region concrete', async () => {
    const { stack, template } = await synth(agnostic('prod'));
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(stack.region).toBe('us-east-1');
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toContain(PLACEHOLDER_ACCOUNT);
    expect(text).toContain('{"Ref":"AWS::AccountId"}');
  });

  it('keeps a concrete account when the config names one', async () => {
    const { stack } = await synth(variantEnv('prod', () => {}));
    expect(stack.account).toBe('123456789012');
  });

  it('leaves the placeholder only where manifests need a literal account, and verify fails exactly those', async () => {
    const env = agnostic('prod');
    const texts = await synthesizeForVerify(env);
    const inv = inventoryFromTexts(texts);
    const results = rule.check(inv, rule.meta.params.parse(rule.meta.defaults(env)), { env });
    const failed = results.filter((r) => r.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    // Images and app objects: Kubernetes subjects. No CloudFormation resource of the platform carries it.
    expect(failed.every((r) => 'kind' in r.subject)).toBe(true);
  });

  it('is still refused by deploy, naming the account setting', async () => {
    const err = await runPlatformAction(
      { env: agnostic('test'), action: 'deploy', yes: true },
      { log: () => {}, resolveCredentials: async () => Promise.reject(new Error('never reached')) },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no account setting: its platform stack is account-agnostic/);
    expect((err as Error).message).toMatch(/account: "<12-digit id>"/);
  });
});
