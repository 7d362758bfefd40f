import { z } from 'zod';
import { checkNodeLaunchTemplates } from '../support/launch-templates.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** EBS volume types node root volumes may use. */
  volumeTypes: z.array(z.string()).min(1),
});

export default defineRule({
  meta: {
    id: 'storage.node-volume-encryption',
    title: 'Node root volumes are encrypted gp3 and nodes have no SSH key',
    category: 'storage',
    checklist: [],
    severity: { test: 'medium', prod: 'high' },
    why: "A node's root volume holds container images, logs and emptyDir data; unencrypted, a snapshot or a detached volume exposes them. An SSH key on nodes is a standing way in that bypasses audited access.",
    verified:
      'Every AWS::EKS::Nodegroup uses an AWS::EC2::LaunchTemplate whose block device mappings are all encrypted and of an allowed type (gp3), with no KeyName, and the node group sets no RemoteAccess; a group without a launch template relies on the account default encryption and fails.',
    fix: 'Give each managed node group a launch template with an encrypted gp3 root volume (/dev/xvda) and no key pair (the platform does); reach nodes through SSM Session Manager.',
    equivalents: { checkov: ['CKV_AWS_8'] },
    params,
    defaults: () => ({ volumeTypes: ['gp3'] }),
    needs: { aws: ['AWS::EKS::Nodegroup', 'AWS::EC2::LaunchTemplate'] },
  },
  check(inv, p) {
    return checkNodeLaunchTemplates(inv, (ng, launch) => {
      if (ng.properties.RemoteAccess !== undefined) {
        return awsResult('fail', ng, 'RemoteAccess opens SSH to the nodes; expected none', ['RemoteAccess']);
      }
      if (launch.kind === 'none') {
        return awsResult('fail', ng, 'no launch template: root volume encryption follows the account default', [
          'LaunchTemplate',
        ]);
      }
      const t = launch.template;
      if (launch.data.KeyName !== undefined) {
        return awsResult('fail', t, 'KeyName puts an SSH key on the nodes; expected none', [
          'LaunchTemplateData',
          'KeyName',
        ]);
      }
      const devices = (launch.data.BlockDeviceMappings ?? []) as {
        DeviceName?: unknown;
        Ebs?: Record<string, unknown>;
      }[];
      if (devices.length === 0) {
        return awsResult('fail', t, 'no block device mappings: the root volume is the AMI default, not encrypted', [
          'LaunchTemplateData',
          'BlockDeviceMappings',
        ]);
      }
      for (const [i, d] of devices.entries()) {
        const path = ['LaunchTemplateData', 'BlockDeviceMappings', i, 'Ebs'];
        const name = String(d.DeviceName ?? `mapping ${i}`);
        if (d.Ebs?.Encrypted !== true) {
          return awsResult(
            'fail',
            t,
            `${name} is not encrypted (Encrypted: ${JSON.stringify(d.Ebs?.Encrypted ?? null)})`,
            [...path, 'Encrypted'],
          );
        }
        const type = d.Ebs?.VolumeType;
        if (typeof type !== 'string' || !p.volumeTypes.includes(type)) {
          return awsResult(
            'fail',
            t,
            `${name} is ${JSON.stringify(type ?? 'the default type')}; expected ${p.volumeTypes.join(' or ')}`,
            [...path, 'VolumeType'],
          );
        }
      }
      return awsResult('pass', t, `${devices.length} encrypted ${p.volumeTypes.join('/')} volume(s), no SSH key`, [
        'LaunchTemplateData',
      ]);
    });
  },
});
