import { AwsAccessDenied, AwsNoCredentials } from '../../aws/errors.js';
import type { AwsReader } from '../../aws/read-context.js';
import type { LiveConnection } from '../../live/connect.js';
import { type Fact, known, unknownFact } from '../facts.js';

/** Why an AWS part was not read when the run leaves AWS out. */
export const AWS_NOT_READ = 'AWS was not read (--no-aws)';

/**
 * One AWS part of a live analysis as a Fact: the value, or unknown with why
 * (AWS left out, the IAM action refused, no credentials, any other failure
 * with its message). An AWS answer never crashes a report and a refusal is
 * never read as "nothing there".
 */
export async function awsFact<T>(
  conn: Pick<LiveConnection, 'aws'>,
  what: string,
  read: (aws: AwsReader) => Promise<T>,
): Promise<Fact<T>> {
  if (!conn.aws) return unknownFact(`${what}: ${AWS_NOT_READ}`);
  try {
    return known(await read(conn.aws.reader));
  } catch (e) {
    return unknownFact(`${what}: ${awsFailure(e)}`);
  }
}

/** "AccessDenied: ec2:DescribeSnapshots", "no AWS credentials (…)", or the error's name and message. */
export function awsFailure(e: unknown): string {
  if (e instanceof AwsAccessDenied) return `AccessDenied: ${e.action} (the verifier policy grants it)`;
  if (e instanceof AwsNoCredentials)
    return `${e.rejected ? 'AWS rejected the credentials' : 'no AWS credentials'} (${e.message})`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
