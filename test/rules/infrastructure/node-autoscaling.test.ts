import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/node-autoscaling.js';
import { inventory, run, statusOf } from '../helpers.js';
import { nodegroup, PRIVATE3, vpc } from './fixtures.js';

describe('infrastructure.node-autoscaling', () => {
  it('passes a group that can grow, with the prod floor of 3 nodes', () => {
    const results = run(rule, inventory({ aws: [...vpc(3), nodegroup('Ng', PRIVATE3)] }));
    expect(statusOf(results, 'Ng')).toBe('pass');
    expect(statusOf(results, '*')).toBe('pass');
  });

  it('fails a group whose max equals its min', () => {
    const results = run(
      rule,
      inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: 3, DesiredSize: 3, MaxSize: 3 })] }),
    );
    expect(statusOf(results, 'Ng')).toBe('fail');
    expect(results[0].path).toEqual(['ScalingConfig', 'MaxSize']);
  });

  it('fails two nodes in prod but passes them in test', () => {
    const inv = inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: 2, DesiredSize: 2, MaxSize: 4 })] });
    expect(statusOf(run(rule, inv, 'prod'), '*')).toBe('fail');
    expect(statusOf(run(rule, inv, 'test'), '*')).toBe('pass');
  });

  it('is unknown for sizes given as template parameters', () => {
    const results = run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3, { MinSize: { Ref: 'Min' }, MaxSize: 6 })] }));
    expect(statusOf(results, 'Ng')).toBe('unknown');
  });
});
