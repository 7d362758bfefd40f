import { Construct } from 'constructs';
import * as logs from './cdk/aws-logs.js';
import { CfnResource, RemovalPolicy, Stack } from './cdk/core.js';

export interface LambdaLogGroupsProps {
  /** Retention of each function's log group, in days (a CloudWatch Logs retention period). */
  readonly retentionDays: number;
  /**
   * What happens to the groups when the stack is deleted.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Log group name of a function: under /aws/lambda, named by the stack and the function's logical id. */
export function lambdaLogGroupName(stackName: string, logicalId: string): string {
  return `/aws/lambda/${stackName}/${logicalId}`;
}

/**
 * A log group with the environment's retention for every Lambda function in
 * the stack (the kubectl and Helm provider handlers and CDK's custom resource
 * providers), created up front and set as the function's LoggingConfig, so no
 * function writes to a group Lambda would create at first run without retention.
 * Create it after every other construct of the stack.
 */
export class LambdaLogGroups extends Construct {
  readonly logGroups: logs.LogGroup[] = [];

  constructor(scope: Construct, id: string, props: LambdaLogGroupsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const functions = stack.node
      .findAll()
      .filter((c): c is CfnResource => c instanceof CfnResource && c.cfnResourceType === 'AWS::Lambda::Function');
    for (const fn of functions) {
      const logicalId = stack.getLogicalId(fn);
      const group = new logs.LogGroup(this, logicalId, {
        logGroupName: lambdaLogGroupName(stack.stackName, logicalId),
        retention: props.retentionDays as logs.RetentionDays,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
      });
      // The Ref also orders the group before the function.
      fn.addPropertyOverride('LoggingConfig.LogGroup', group.logGroupName);
      this.logGroups.push(group);
    }
  }
}
