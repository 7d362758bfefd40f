import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { appPolicyStatements } from '../apps/aws-access.js';
import { namespaceOf, serviceAccountOf } from '../apps/naming.js';
import type { EnvironmentConfig } from '../config/types.js';
import { Stack } from './cdk/core.js';
import { pascal } from './cluster.js';
import { acknowledgeWildcardResources } from './nag.js';
import { PodIdentityRole } from './pod-identity-role.js';
import { SECRET_READ_ACTIONS, secretArn } from './secrets.js';
import { secretsByNamespace, TIER_SECRET_STORE_SA, tierSecretStoreRoleName } from './tier-secret-store.js';

export interface AppRolesProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.ICluster;
  /** The External Secrets controller role; tier roles trust it so a SecretStore can name them. */
  readonly secretsController?: iam.IRole;
}

/**
 * The platform side of the apps: a Pod Identity role and association for
 * every app that declares AWS access (exactly what appPolicyStatements
 * grants), and one secrets role per tier namespace limited to the secrets
 * of the apps in that namespace.
 */
export class AppRoles extends Construct {
  readonly appRoles: PodIdentityRole[] = [];
  readonly tierRoles: PodIdentityRole[] = [];

  constructor(scope: Construct, id: string, props: AppRolesProps) {
    super(scope, id);
    const { env, cluster } = props;
    const account = Stack.of(this).account;
    for (const app of env.apps) {
      const statements = appPolicyStatements(app, { region: env.region, account });
      if (statements.length === 0) continue;
      const role = new PodIdentityRole(this, `App${pascal(app.name)}`, {
        cluster,
        namespace: namespaceOf(app, env),
        serviceAccount: serviceAccountOf(app),
        statements: statements.map((s) => ({ actions: s.Action, resources: s.Resource })),
      });
      // Only object- and index-level patterns under a named bucket or table carry a wildcard.
      acknowledgeWildcardResources(
        role.role,
        statements.flatMap((s) => s.Resource),
        `${app.name} declares access to objects or indexes under named buckets and tables; each wildcard stays inside one named resource.`,
      );
      this.appRoles.push(role);
    }
    for (const [namespace, names] of secretsByNamespace(env)) {
      this.tierRoles.push(
        new PodIdentityRole(this, `TierSecrets${pascal(namespace)}`, {
          cluster,
          namespace,
          serviceAccount: TIER_SECRET_STORE_SA,
          roleName: tierSecretStoreRoleName(env, namespace),
          statements: [
            {
              actions: [...SECRET_READ_ACTIONS],
              resources: names.map((n) => secretArn(env, account, `${env.secretsPath}/${n}-??????`)),
            },
          ],
          extraTrust: props.secretsController ? [props.secretsController] : [],
        }),
      );
    }
  }
}
