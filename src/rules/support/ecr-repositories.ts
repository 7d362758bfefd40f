import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import type { RuleResult } from '../types.js';
import { checkAwsResources } from './aws-checks.js';
import { knowsAwsType } from './coverage.js';
import { result } from './results.js';

const REPOSITORY = 'AWS::ECR::Repository';

/** The registry home an environment imports its repositories from; undefined when it creates its own. */
export function importedRegistryHome(env: EnvironmentConfig): string | undefined {
  const home = env.registryHome?.environment;
  return home !== undefined && home !== env.name ? home : undefined;
}

/**
 * Judges every ECR repository. An environment that imports its repositories
 * from a registry home has none in its own template: that is one `skip`
 * naming the home, whose verify judges them. Repositories that are there (the
 * live account, where the home's repositories exist) are judged as usual.
 */
export function checkRepositories(
  inv: Inventory,
  registryHome: string | undefined,
  judge: (repo: AwsResource) => RuleResult,
): RuleResult[] {
  if (registryHome !== undefined && inv.aws(REPOSITORY).length === 0 && knowsAwsType(inv, REPOSITORY)) {
    return [
      result(
        'skip',
        { awsType: REPOSITORY, id: '*' },
        `no ECR repositories here: environment ${registryHome} (registry.home) creates them, and verify of ${registryHome} judges them`,
      ),
    ];
  }
  return checkAwsResources(inv, REPOSITORY, 'ECR repositories', judge);
}
