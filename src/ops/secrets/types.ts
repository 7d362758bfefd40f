import type { KubeObject } from '../../inventory/types.js';
import type { PodIdentityAssociationFact, SecretsManagerFacts } from '../common/aws-facts.js';
import type { Fact } from '../facts.js';
import type { ObjectRef, OpsProblem } from '../problems.js';

/** What `secrets status` reads. Secret values are never part of it: Secrets are listed for their metadata only. */
export interface SecretsInput {
  /** Now, as an ISO time: sync ages are measured from it. */
  readonly now: string;
  /** The environment name (test, prod, …): remote keys belong under its path. */
  readonly environment: string;
  readonly cluster?: string;
  readonly externalSecrets: Fact<readonly KubeObject[]>;
  /** SecretStores and ClusterSecretStores. */
  readonly secretStores: Fact<readonly KubeObject[]>;
  /** Secrets, metadata only (a metadata list or PartialObjectMetadata), to tell whether each target exists. */
  readonly secrets: Fact<readonly KubeObject[]>;
  /** DescribeSecret of each remote key. */
  readonly secretsManager: Fact<SecretsManagerFacts>;
  /** Pod Identity associations of the cluster, to explain access denials. */
  readonly podIdentityAssociations?: Fact<readonly PodIdentityAssociationFact[]>;
}

/**
 * Thresholds of `secrets status`. Defaults (SECRETS_DEFAULTS):
 * - pathTemplate "EKS/{environment}/": every remote key of an environment lives under this path
 *   (the seed: EKS/test/* and EKS/prod/*).
 * - staleAfterIntervals 3: a last sync older than three refresh intervals is stale.
 * - controllerServiceAccount external-secrets/external-secrets: the identity a store without its own uses.
 */
export interface SecretsParams {
  readonly pathTemplate: string;
  readonly staleAfterIntervals: number;
  readonly controllerServiceAccount: { readonly namespace: string; readonly name: string };
}

export const SECRETS_DEFAULTS: SecretsParams = {
  pathTemplate: 'EKS/{environment}/',
  staleAfterIntervals: 3,
  controllerServiceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
};

export interface RemoteKeyRow {
  readonly key: string;
  /** exists, missing, deleting (scheduled for deletion), or unknown with the reason. */
  readonly state: 'exists' | 'missing' | 'deleting' | 'unknown';
  readonly reason?: string;
  readonly lastChanged?: string;
  readonly lastRotated?: string;
  readonly deletedDate?: string;
  readonly rotationEnabled?: boolean;
  readonly kmsKeyId?: string;
  /** False when the key is outside the environment's path. */
  readonly inPath: boolean;
}

export interface ExternalSecretStatusRow {
  readonly namespace: string;
  readonly name: string;
  readonly store: { readonly kind: string; readonly name: string; readonly found: boolean | 'unknown' };
  readonly refreshInterval?: string;
  readonly ready: { readonly status: string; readonly reason?: string; readonly message?: string };
  /** status.refreshTime: the last successful sync. */
  readonly lastSync?: string;
  /** Seconds since the last sync. */
  readonly lastSyncAge?: number;
  readonly target: { readonly name: string; readonly present: boolean | 'unknown' };
  readonly remoteKeys: readonly RemoteKeyRow[];
}

export interface SecretsReport {
  readonly environment: string;
  readonly pathPrefix: string;
  readonly externalSecrets: readonly ExternalSecretStatusRow[];
  readonly problems: readonly OpsProblem[];
  readonly unknown: Readonly<Record<string, string>>;
}

/** One annotation patch a writer applies to force a sync (the seed's `kubectl annotate … force-sync=$(date +%s) --overwrite`). */
export interface RefreshPatch {
  readonly object: ObjectRef;
  readonly apiVersion: string;
  /** A JSON merge patch: only the force-sync annotation changes. */
  readonly patchType: 'application/merge-patch+json';
  readonly body: { readonly metadata: { readonly annotations: Readonly<Record<string, string>> } };
}

export interface RefreshPlan {
  readonly patches: readonly RefreshPatch[];
  /** Names asked for that match no ExternalSecret, each with what was looked for. */
  readonly notFound: readonly string[];
  /** Bare names found in more than one namespace: nothing is patched for them. */
  readonly ambiguous: readonly string[];
}
