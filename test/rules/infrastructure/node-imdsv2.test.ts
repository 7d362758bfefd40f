import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/infrastructure/node-imdsv2.js';
import { inventory, run, statusOf } from '../helpers.js';
import { launchTemplate, nodegroup, PRIVATE3 } from './fixtures.js';

const withTemplate = (id = 'Lt') => ({
  ...nodegroup('Ng', PRIVATE3),
  properties: { ...nodegroup('Ng', PRIVATE3).properties, LaunchTemplate: { Id: { Ref: id } } },
});

describe('infrastructure.node-imdsv2', () => {
  it('passes a node group whose launch template requires IMDSv2 with hop limit 1', () => {
    const results = run(rule, inventory({ aws: [withTemplate(), launchTemplate('Lt')] }));
    expect(statusOf(results, 'Lt')).toBe('pass');
  });

  it('fails a hop limit of 2, which lets pods reach the node role', () => {
    const lt = launchTemplate('Lt', { MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 } });
    const results = run(rule, inventory({ aws: [withTemplate(), lt] }));
    expect(statusOf(results, 'Lt')).toBe('fail');
    expect(results[0].path).toEqual(['LaunchTemplateData', 'MetadataOptions', 'HttpPutResponseHopLimit']);
  });

  it('fails optional tokens (IMDSv1 on)', () => {
    const lt = launchTemplate('Lt', { MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1 } });
    expect(statusOf(run(rule, inventory({ aws: [withTemplate(), lt] })), 'Lt')).toBe('fail');
  });

  it("fails a node group without a launch template (EKS's default one)", () => {
    expect(statusOf(run(rule, inventory({ aws: [nodegroup('Ng', PRIVATE3)] })), 'Ng')).toBe('fail');
  });

  it('is unknown when the launch template is not in the sources', () => {
    expect(statusOf(run(rule, inventory({ aws: [withTemplate('Elsewhere')] })), 'Ng')).toBe('unknown');
  });

  it('allows a larger hop limit when configured', () => {
    const lt = launchTemplate('Lt', { MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 } });
    expect(statusOf(run(rule, inventory({ aws: [withTemplate(), lt] }), 'prod', { maxHopLimit: 2 }), 'Lt')).toBe(
      'pass',
    );
  });

  it('is unknown without any AWS source', () => {
    expect(run(rule, inventory({ aws: [] })).map((r) => r.status)).toEqual(['unknown']);
  });
});
