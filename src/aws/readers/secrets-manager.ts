import type { DescribeSecretCommandOutput, SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/**
 * Secrets Manager metadata only. There is no GetSecretValue here, and the
 * access table never lists it: Slipway does not read secret values.
 */

/** ListSecrets whose name starts with the prefix: names, ARNs, rotation and last-changed dates. */
export async function listSecrets(aws: AwsReader, namePrefix: string): Promise<SecretListEntry[]> {
  const sm = await aws.clients.secrets();
  const { ListSecretsCommand } = await import('@aws-sdk/client-secrets-manager');
  const Filters = [{ Key: 'name' as const, Values: [namePrefix] }];
  return allPages(
    (NextToken) =>
      aws.call('secretsmanager:ListSecrets', () => sm.send(new ListSecretsCommand({ Filters, NextToken }))),
    (p) => p.SecretList,
    (p) => p.NextToken,
  );
}

/** DescribeSecret: one secret's metadata (rotation, last accessed, versions' stages), never its value. */
export async function describeSecret(aws: AwsReader, SecretId: string): Promise<DescribeSecretCommandOutput> {
  const sm = await aws.clients.secrets();
  const { DescribeSecretCommand } = await import('@aws-sdk/client-secrets-manager');
  return aws.call('secretsmanager:DescribeSecret', () => sm.send(new DescribeSecretCommand({ SecretId })));
}
