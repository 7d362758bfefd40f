import { listSecrets } from '../../../aws/readers/secrets-manager.js';
import type { LiveAwsContext } from './context.js';

/** Secret names under the environment's path. Metadata only: secret values are never read. */
export async function collectSecrets(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::SecretsManager::Secret'], async () => {
    for (const s of await listSecrets(ctx.aws, ctx.target.secretsPath)) {
      ctx.add('AWS::SecretsManager::Secret', s.ARN ?? s.Name ?? '', { Name: s.Name });
    }
  });
}
