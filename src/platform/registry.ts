import { Duration, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';
import { repositoryOf } from '../apps/naming.js';
import type { EnvironmentConfig } from '../config/types.js';
import { removalPolicyOf } from './removal-policy.js';

export interface RegistryProps {
  readonly env: EnvironmentConfig;
}

/**
 * Every repository the environment's stack creates or imports: the configured
 * ones plus one per app image, and on a registry home also the ones its
 * importing environments configure; sorted, unique.
 */
export function repositoryNames(env: EnvironmentConfig): string[] {
  const names = new Set<string>(env.registry.repositories.map((r) => r.name));
  for (const name of env.registryHome?.extraRepositories ?? []) names.add(name);
  for (const app of env.apps) {
    const repo = repositoryOf(app);
    if (repo) names.add(repo);
  }
  return [...names].sort();
}

/**
 * 1.1 ECR: repositories that scan on push, keep tags immutable in prod, expire
 * untagged images and keep the last N, encrypted; replicated to other regions
 * for disaster recovery when configured.
 */
export class Registry extends Construct {
  /** Repositories this stack creates (none when another environment is the registry home). */
  readonly repositories: ecr.Repository[] = [];
  /** Repositories of the registry home, imported by name (none on the home itself). */
  readonly imported: ecr.IRepository[] = [];
  /** The environment whose stack creates the repositories. */
  readonly home: string;

  constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, id);
    const { env } = props;
    this.home = env.registryHome?.environment ?? env.name;
    if (this.home !== env.name) {
      // Same account and region as the home: its repositories already exist there, so
      // creating them again would fail the deploy. Nodes pull with
      // AmazonEC2ContainerRegistryReadOnly, which covers the home's repository ARNs.
      for (const name of repositoryNames(env)) {
        this.imported.push(ecr.Repository.fromRepositoryName(this, logicalName(name), name));
      }
      return;
    }
    for (const name of repositoryNames(env)) {
      const repo = new ecr.Repository(this, logicalName(name), {
        repositoryName: name,
        imageScanOnPush: true,
        imageTagMutability: env.registry.immutableTags ? ecr.TagMutability.IMMUTABLE : ecr.TagMutability.MUTABLE,
        encryption: ecr.RepositoryEncryption.AES_256,
        removalPolicy: removalPolicyOf(env.registry.removalPolicy),
        lifecycleRules: [
          {
            rulePriority: 1,
            description: `expire untagged images after ${env.registry.untaggedExpiryDays} days`,
            tagStatus: ecr.TagStatus.UNTAGGED,
            maxImageAge: Duration.days(env.registry.untaggedExpiryDays),
          },
          {
            rulePriority: 2,
            description: `keep the last ${env.registry.keepLastImages} images`,
            tagStatus: ecr.TagStatus.ANY,
            maxImageCount: env.registry.keepLastImages,
          },
        ],
      });
      // CDK leaves AES256 implicit; state it so the template shows encryption at rest.
      (repo.node.defaultChild as ecr.CfnRepository).encryptionConfiguration = { encryptionType: 'AES256' };
      this.repositories.push(repo);
    }

    if (env.registry.replicationRegions.length > 0) {
      const account = Stack.of(this).account;
      new ecr.CfnReplicationConfiguration(this, 'Replication', {
        replicationConfiguration: {
          rules: [
            {
              destinations: env.registry.replicationRegions.map((region) => ({ region, registryId: account })),
              repositoryFilters: repositoryNames(env).map((filter) => ({ filter, filterType: 'PREFIX_MATCH' })),
            },
          ],
        },
      });
    }
  }
}

function logicalName(repo: string): string {
  return repo
    .split(/[/._-]/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}
