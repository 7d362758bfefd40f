import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readBootstrapVersion } from '../../src/aws/bootstrap-version.js';

const cfn = mockClient(CloudFormationClient);
const ssm = mockClient(SSMClient);
const clients = () => ({
  cloudFormation: new CloudFormationClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
  }),
  ssm: new SSMClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' } }),
});
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

afterEach(() => {
  cfn.reset();
  ssm.reset();
});

describe('readBootstrapVersion', () => {
  it('reads the BootstrapVersion output of the CDKToolkit stack', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'CDKToolkit' }).resolves({
      Stacks: [
        {
          StackName: 'CDKToolkit',
          CreationTime: new Date(0),
          StackStatus: 'CREATE_COMPLETE',
          Outputs: [{ OutputKey: 'BootstrapVersion', OutputValue: '27' }],
        },
      ],
    });
    expect(await readBootstrapVersion(clients())).toEqual({
      version: 27,
      source: 'stack CDKToolkit output BootstrapVersion',
    });
    expect(ssm.calls()).toHaveLength(0);
  });

  it('falls back to the SSM parameter when the stack does not exist', async () => {
    cfn.on(DescribeStacksCommand).rejects(named('ValidationError', 'Stack with id CDKToolkit does not exist'));
    ssm.on(GetParameterCommand, { Name: '/cdk-bootstrap/hnb659fds/version' }).resolves({ Parameter: { Value: '5' } });
    expect(await readBootstrapVersion(clients())).toEqual({
      version: 5,
      source: 'SSM parameter /cdk-bootstrap/hnb659fds/version',
    });
  });

  it('finds no version when neither exists', async () => {
    cfn.on(DescribeStacksCommand).rejects(named('ValidationError', 'Stack with id CDKToolkit does not exist'));
    ssm.on(GetParameterCommand).rejects(named('ParameterNotFound', 'not found'));
    expect(await readBootstrapVersion(clients())).toEqual({});
  });

  it('passes on access denied instead of calling the account unbootstrapped', async () => {
    cfn
      .on(DescribeStacksCommand)
      .rejects(named('AccessDenied', 'not authorized to perform cloudformation:DescribeStacks'));
    await expect(readBootstrapVersion(clients())).rejects.toThrow(/DescribeStacks/);
  });
});
