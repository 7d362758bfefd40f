import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { SSMClient } from '@aws-sdk/client-ssm';

/** The bootstrap stack CDK's default synthesizer expects, and the parameter it writes its version to. */
export const BOOTSTRAP_STACK = 'CDKToolkit';
export const BOOTSTRAP_VERSION_PARAMETER = '/cdk-bootstrap/hnb659fds/version';

export interface BootstrapVersion {
  /** Undefined when neither the stack nor the parameter exists. */
  readonly version?: number;
  /** Where it was read: the stack output or the SSM parameter. */
  readonly source?: string;
}

/**
 * Reads the CDK bootstrap version of the account and region the clients point
 * at: the `BootstrapVersion` output of the CDKToolkit stack, else the SSM
 * parameter the bootstrap template writes. Read-only.
 */
export async function readBootstrapVersion(clients: {
  cloudFormation: CloudFormationClient;
  ssm: SSMClient;
}): Promise<BootstrapVersion> {
  const { DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  try {
    const out = await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: BOOTSTRAP_STACK }));
    const output = out.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'BootstrapVersion');
    const version = Number(output?.OutputValue);
    if (Number.isFinite(version) && output?.OutputValue) {
      return { version, source: `stack ${BOOTSTRAP_STACK} output BootstrapVersion` };
    }
  } catch (e) {
    // A stack that does not exist is a ValidationError; anything else (access denied) is the caller's to see.
    if (!(e instanceof Error && e.name === 'ValidationError')) throw e;
  }
  const { GetParameterCommand } = await import('@aws-sdk/client-ssm');
  try {
    const out = await clients.ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_VERSION_PARAMETER }));
    const version = Number(out.Parameter?.Value);
    if (Number.isFinite(version) && out.Parameter?.Value) {
      return { version, source: `SSM parameter ${BOOTSTRAP_VERSION_PARAMETER}` };
    }
  } catch (e) {
    if (!(e instanceof Error && e.name === 'ParameterNotFound')) throw e;
  }
  return {};
}
