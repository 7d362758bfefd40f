import { DescribeLaunchTemplateVersionsCommand, type ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import {
  DescribeNodegroupCommand,
  type DescribeNodegroupCommandOutput,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsClients } from '../../../src/aws/clients.js';
import { Inventory } from '../../../src/inventory/inventory.js';
import { collectAws } from '../../../src/inventory/sources/live-aws/collect.js';
import nodeImdsv2 from '../../../src/rules/infrastructure/node-imdsv2.js';
import nodeVolumeEncryption from '../../../src/rules/storage/node-volume-encryption.js';
import { ACCOUNT, type AccountMocks, CLUSTER, isolateAwsEnv, mockAccount } from '../../support/aws-mocks.js';
import { runRule, statuses } from '../../support/live-inventory.js';

beforeAll(isolateAwsEnv);
let mocks: AccountMocks | undefined;
afterEach(() => mocks?.restore());

const TYPES = ['AWS::EKS::Nodegroup', 'AWS::EC2::LaunchTemplate'];

function nodegroup(
  name: string,
  launchTemplate?: { id?: string; name?: string; version?: string },
): DescribeNodegroupCommandOutput & { nodegroup: { nodegroupName: string } } {
  return {
    nodegroup: {
      clusterName: CLUSTER,
      nodegroupName: name,
      nodegroupArn: `arn:aws:eks:us-east-1:${ACCOUNT}:nodegroup/${CLUSTER}/${name}/x`,
      capacityType: 'ON_DEMAND' as const,
      subnets: ['subnet-a', 'subnet-b', 'subnet-c'],
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
      launchTemplate,
    },
    $metadata: {},
  };
}

const secureData: ResponseLaunchTemplateData = {
  MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeType: 'gp3' } }],
};
const openData: ResponseLaunchTemplateData = {
  MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 2 },
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: false, VolumeType: 'gp2' } }],
};

function withGroups(groups: ReturnType<typeof nodegroup>[], data: Record<string, ResponseLaunchTemplateData>) {
  mocks = mockAccount();
  mocks.eks.on(ListNodegroupsCommand).resolves({ nodegroups: groups.map((g) => g.nodegroup.nodegroupName) });
  for (const g of groups) {
    mocks.eks.on(DescribeNodegroupCommand, { nodegroupName: g.nodegroup.nodegroupName }).resolves(g);
  }
  for (const [id, d] of Object.entries(data)) {
    mocks.ec2.on(DescribeLaunchTemplateVersionsCommand, { LaunchTemplateId: id }).resolves({
      LaunchTemplateVersions: [
        { LaunchTemplateId: id, LaunchTemplateName: `${id}-name`, VersionNumber: 3, LaunchTemplateData: d },
      ],
    });
  }
}

async function live(): Promise<Inventory> {
  const out = await collectAws({
    types: TYPES,
    clusterName: CLUSTER,
    secretsPath: 'EKS/prod',
    clients: new AwsClients({ region: 'us-east-1' }),
  });
  return new Inventory({
    aws: out.resources,
    coverage: {
      mode: 'live',
      kubeKinds: new Set(),
      kubeDenied: new Map(),
      awsTypes: out.types,
      awsDenied: out.denied,
      notes: out.notes,
    },
  });
}

describe('live launch templates of managed node groups', () => {
  it('reads the version each node group launches and maps it to AWS::EC2::LaunchTemplate', async () => {
    withGroups([nodegroup('general', { id: 'lt-1', version: '3' })], { 'lt-1': secureData });
    const inv = await live();
    const [t] = inv.aws('AWS::EC2::LaunchTemplate');
    expect(t.id).toBe('lt-1');
    expect(t.properties).toEqual({ LaunchTemplateName: 'lt-1-name', LaunchTemplateData: secureData });
    expect(t.live?.version).toBe(3);
    const sent = mocks!.ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).map((c) => c.args[0].input);
    expect(sent).toEqual([{ LaunchTemplateId: 'lt-1', Versions: ['3'] }]);
  });

  it('lets node-imdsv2 and node-volume-encryption pass a secure live template instead of unknown', async () => {
    withGroups([nodegroup('general', { id: 'lt-1', version: '3' })], { 'lt-1': secureData });
    const inv = await live();
    expect(statuses(await runRule(nodeImdsv2, inv))).toEqual(['pass']);
    expect(statuses(await runRule(nodeVolumeEncryption, inv))).toEqual(['pass']);
  });

  it('fails a live template with optional IMDS tokens and an unencrypted root volume', async () => {
    withGroups([nodegroup('general', { id: 'lt-open', version: '3' })], { 'lt-open': openData });
    const inv = await live();
    expect(statuses(await runRule(nodeImdsv2, inv))).toEqual(['fail']);
    expect(statuses(await runRule(nodeVolumeEncryption, inv))).toEqual(['fail']);
  });

  it('reads a template shared by two groups once', async () => {
    withGroups([nodegroup('a', { id: 'lt-1', version: '3' }), nodegroup('b', { id: 'lt-1', version: '3' })], {
      'lt-1': secureData,
    });
    const inv = await live();
    expect(inv.aws('AWS::EC2::LaunchTemplate')).toHaveLength(1);
    expect(mocks!.ec2.commandCalls(DescribeLaunchTemplateVersionsCommand)).toHaveLength(1);
    expect(statuses(await runRule(nodeImdsv2, inv))).toEqual(['pass', 'pass']);
  });

  it('leaves out a template launched at two versions, so the rules say unknown with a note', async () => {
    withGroups([nodegroup('a', { id: 'lt-1', version: '3' }), nodegroup('b', { id: 'lt-1', version: '4' })], {
      'lt-1': secureData,
    });
    const inv = await live();
    expect(inv.aws('AWS::EC2::LaunchTemplate')).toEqual([]);
    expect(inv.coverage.notes.join('\n')).toMatch(/lt-1 is launched at versions 3, 4 by node groups a, b/);
    expect(statuses(await runRule(nodeImdsv2, inv))).toEqual(['unknown', 'unknown']);
  });

  it('makes the template type unknown, naming the action, when DescribeLaunchTemplateVersions is denied', async () => {
    withGroups([nodegroup('general', { id: 'lt-1', version: '3' })], {});
    mocks!.ec2
      .on(DescribeLaunchTemplateVersionsCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'UnauthorizedOperation' }));
    const inv = await live();
    expect(inv.coverage.awsDenied.get('AWS::EC2::LaunchTemplate')).toBe(
      'AccessDenied: ec2:DescribeLaunchTemplateVersions',
    );
    expect(inv.coverage.awsTypes.has('AWS::EKS::Nodegroup')).toBe(true);
  });
});
