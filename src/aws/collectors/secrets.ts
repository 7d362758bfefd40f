import { type AwsCollectContext, allPages } from '../context.js';

/** Secret names under the environment's path. Metadata only: secret values are never read. */
export async function collectSecrets(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::SecretsManager::Secret'], async () => {
    const sm = await ctx.clients.secrets();
    const { ListSecretsCommand } = await import('@aws-sdk/client-secrets-manager');
    const Filters = [{ Key: 'name' as const, Values: [ctx.target.secretsPath] }];
    const secrets = await allPages(
      (NextToken) =>
        ctx.call('secretsmanager:ListSecrets', () => sm.send(new ListSecretsCommand({ Filters, NextToken }))),
      (p) => p.SecretList,
      (p) => p.NextToken,
    );
    for (const s of secrets) ctx.add('AWS::SecretsManager::Secret', s.ARN ?? s.Name ?? '', { Name: s.Name });
  });
}
