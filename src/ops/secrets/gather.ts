import type { KubeObject } from '../../kube/types.js';
import type { LiveConnection } from '../../live/connect.js';
import { remoteKeysOf } from '../common/secret-access.js';
import { type Fact, valueOr } from '../facts.js';
import { podIdentityFacts } from '../gather/aws-eks.js';
import { secretDescriptionFacts } from '../gather/aws-secrets.js';
import { concatFacts } from '../gather/combine.js';
import { boundedAll, DEFAULT_CONCURRENCY, type GatherLimits, listFact } from '../gather/kube-lists.js';
import type { SecretsInput } from './types.js';

export interface SecretsGatherOptions extends GatherLimits {
  /** The environment name: remote keys belong under its path. */
  readonly environment: string;
  readonly cluster?: string;
  readonly now?: string;
}

/**
 * Reads what `secretsStatus` needs: ExternalSecrets, SecretStores and
 * ClusterSecretStores, Secrets (the reader replaces every value on arrival:
 * only names and metadata are kept), then DescribeSecret of each remote key
 * the ExternalSecrets name (metadata only, never GetSecretValue) and the
 * cluster's Pod Identity associations, to explain denials.
 */
export async function gatherSecrets(conn: LiveConnection, options: SecretsGatherOptions): Promise<SecretsInput> {
  const ns = conn.namespace;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const list = (kind: string, namespace: string | undefined) => () => listFact(conn.kube, kind, namespace, options);
  const kube = await boundedAll<{
    externalSecrets: Fact<readonly KubeObject[]>;
    stores: Fact<readonly KubeObject[]>;
    clusterStores: Fact<readonly KubeObject[]>;
    secrets: Fact<readonly KubeObject[]>;
    podIdentityAssociations: NonNullable<SecretsInput['podIdentityAssociations']>;
  }>(
    {
      externalSecrets: list('ExternalSecret', ns),
      stores: list('SecretStore', ns),
      clusterStores: list('ClusterSecretStore', undefined),
      secrets: list('Secret', ns),
      podIdentityAssociations: () => podIdentityFacts(conn.aws, options.cluster),
    },
    concurrency,
  );
  const keys = valueOr(kube.externalSecrets, []).flatMap(remoteKeysOf);
  return {
    now: options.now ?? new Date().toISOString(),
    environment: options.environment,
    ...(options.cluster ? { cluster: options.cluster } : {}),
    externalSecrets: kube.externalSecrets,
    secretStores: concatFacts([kube.stores, kube.clusterStores]),
    secrets: kube.secrets,
    secretsManager: await secretDescriptionFacts(conn.aws, keys, concurrency),
    podIdentityAssociations: kube.podIdentityAssociations,
  };
}
