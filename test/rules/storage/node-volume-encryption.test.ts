import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/storage/node-volume-encryption.js';
import { inventory, run, statusOf } from '../helpers.js';
import { launchTemplate, nodegroup, PRIVATE3 } from '../infrastructure/fixtures.js';

const ng = nodegroup('Ng', PRIVATE3);
const withTemplate = { ...ng, properties: { ...ng.properties, LaunchTemplate: { Id: { Ref: 'Lt' } } } };
const root = (ebs: Record<string, unknown>) => ({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: ebs }] });

describe('storage.node-volume-encryption', () => {
  it('passes an encrypted gp3 root volume and no SSH key', () => {
    expect(statusOf(run(rule, inventory({ aws: [withTemplate, launchTemplate('Lt')] })), 'Lt')).toBe('pass');
  });

  it('fails an unencrypted root volume', () => {
    const lt = launchTemplate('Lt', root({ VolumeType: 'gp3', VolumeSize: 50 }));
    const results = run(rule, inventory({ aws: [withTemplate, lt] }));
    expect(statusOf(results, 'Lt')).toBe('fail');
    expect(results[0].path).toEqual(['LaunchTemplateData', 'BlockDeviceMappings', 0, 'Ebs', 'Encrypted']);
  });

  it('fails a gp2 root volume', () => {
    const lt = launchTemplate('Lt', root({ VolumeType: 'gp2', Encrypted: true }));
    expect(statusOf(run(rule, inventory({ aws: [withTemplate, lt] })), 'Lt')).toBe('fail');
  });

  it('fails an SSH key on the launch template or RemoteAccess on the group', () => {
    const keyed = launchTemplate('Lt', { KeyName: 'ops' });
    expect(statusOf(run(rule, inventory({ aws: [withTemplate, keyed] })), 'Lt')).toBe('fail');
    const remote = { ...withTemplate, properties: { ...withTemplate.properties, RemoteAccess: { Ec2SshKey: 'ops' } } };
    expect(statusOf(run(rule, inventory({ aws: [remote, launchTemplate('Lt')] })), 'Ng')).toBe('fail');
  });

  it('fails a node group without a launch template', () => {
    expect(statusOf(run(rule, inventory({ aws: [ng] })), 'Ng')).toBe('fail');
  });
});
