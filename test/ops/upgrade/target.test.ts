import { describe, expect, it } from 'vitest';
import { upgradeTarget } from '../../../src/ops/upgrade/target.js';

describe('the upgrade target', () => {
  it('defaults to the next minor', () => {
    expect(upgradeTarget('1.33', undefined)).toBe('1.34');
  });

  it('accepts the next minor, with or without a leading v', () => {
    expect(upgradeTarget('1.34', '1.35')).toBe('1.35');
    expect(upgradeTarget('1.34', 'v1.35')).toBe('1.35');
  });

  it.each([
    ['1.35.2', '"1.35.2" is not a Kubernetes minor'],
    ['latest', '"latest" is not a Kubernetes minor; use 1.N, such as --to 1.34'],
    ['2.0', 'not a Kubernetes minor'],
  ])('refuses %s as not a minor', (to, message) => {
    expect(() => upgradeTarget('1.33', to)).toThrow(message);
  });

  it('refuses a downgrade, naming what is allowed', () => {
    expect(() => upgradeTarget('1.34', '1.33')).toThrow(
      "--to 1.33 is older than the cluster's 1.34: EKS cannot downgrade a control plane; allowed: 1.35",
    );
  });

  it('says nothing is allowed yet when the lock holds no minor above the cluster', () => {
    expect(() => upgradeTarget('1.35', '1.34')).toThrow('nothing is allowed yet: 1.36 is not in the lock');
  });

  it('refuses the current minor', () => {
    expect(() => upgradeTarget('1.34', '1.34')).toThrow('already on 1.34');
  });

  it('refuses a jump of more than one minor and spells out the steps', () => {
    expect(() => upgradeTarget('1.32', '1.35')).toThrow('1.32 → 1.33 → 1.34 → 1.35');
  });

  it('refuses a minor outside the version lock, naming the minors it holds', () => {
    expect(() => upgradeTarget('1.35', '1.36')).toThrow('holds 1.32, 1.33, 1.34, 1.35');
    expect(() => upgradeTarget('1.35', undefined)).toThrow('there is no minor after 1.35');
  });

  it('throws a usage error, so the CLI exits 1 without a stack trace', () => {
    try {
      upgradeTarget('1.34', 'x');
    } catch (e) {
      expect((e as Error).name).toBe('UsageError');
    }
    expect.assertions(1);
  });
});
