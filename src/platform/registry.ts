import { Construct } from 'constructs';
import { repositoryOf } from '../apps/naming.js';
import type { EnvironmentConfig } from '../config/types.js';
import * as ecr from './cdk/aws-ecr.js';
import * as iam from './cdk/aws-iam.js';
import { Duration, Stack } from './cdk/core.js';
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
      // The home's repositories already exist, so creating them here would fail the deploy (same
      // account and region) or split the images (elsewhere). Nodes pull with
      // AmazonEC2ContainerRegistryReadOnly, which covers any repository ARN; in another account the
      // home's repository policy grants the pull as well.
      const home = env.registryHome;
      const elsewhere = home && (home.region !== env.region || home.account !== env.account);
      for (const name of repositoryNames(env)) {
        this.imported.push(
          elsewhere
            ? ecr.Repository.fromRepositoryArn(
                this,
                logicalName(name),
                `arn:aws:ecr:${home.region}:${home.account ?? Stack.of(this).account}:repository/${name}`,
              )
            : ecr.Repository.fromRepositoryName(this, logicalName(name), name),
        );
      }
      return;
    }
    const pull = pullStatement(env);
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
      if (pull) repo.addToResourcePolicy(pull);
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

/** The platform tags every role of an environment's stack carries (PlatformStack). */
export const ROLE_TAGS = { project: 'slipway.io/project', environment: 'slipway.io/environment' } as const;

/**
 * On a registry home with importers in other accounts: pull (and only pull)
 * for those accounts' roles that carry the project's tag and an importing
 * environment's tag, which are the node roles and Pod Identity roles their
 * platform stacks create. Undefined when no other account imports.
 */
export function pullStatement(env: EnvironmentConfig): iam.PolicyStatement | undefined {
  const pullers = env.registryHome?.pullers ?? [];
  if (pullers.length === 0) return undefined;
  return new iam.PolicyStatement({
    sid: 'PullFromImportingAccounts',
    principals: [...new Set(pullers.map((p) => p.account))].map((a) => new iam.AccountPrincipal(a)),
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    conditions: {
      StringEquals: {
        [`aws:PrincipalTag/${ROLE_TAGS.project}`]: env.project,
        [`aws:PrincipalTag/${ROLE_TAGS.environment}`]: pullers.map((p) => p.environment),
      },
    },
  });
}

function logicalName(repo: string): string {
  return repo
    .split(/[/._-]/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}
