import type { KubeObject } from '../../inventory/types.js';
import { type Fact, valueOr } from '../facts.js';
import type { PodIdentityAssociationFact } from './aws-facts.js';
import { conditionOf, namespaceOf } from './kube-reads.js';

/** The service account the External Secrets controller runs as (the platform's default install). */
export const EXTERNAL_SECRETS_CONTROLLER = { namespace: 'external-secrets', name: 'external-secrets' } as const;

export interface StoreRef {
  readonly kind: string;
  readonly name: string;
}

export function storeRefOf(es: KubeObject): StoreRef {
  const ref = (es.spec as { secretStoreRef?: { kind?: string; name?: string } } | undefined)?.secretStoreRef;
  return { kind: ref?.kind ?? 'SecretStore', name: ref?.name ?? '' };
}

/** The store an ExternalSecret names: a SecretStore in its namespace or a ClusterSecretStore. */
export function findStore(es: KubeObject, stores: readonly KubeObject[]): KubeObject | undefined {
  const ref = storeRefOf(es);
  return stores.find(
    (s) =>
      s.kind === ref.kind &&
      s.metadata.name === ref.name &&
      (ref.kind === 'ClusterSecretStore' || namespaceOf(s) === namespaceOf(es)),
  );
}

/** The service account whose identity a store uses: its JWT serviceAccountRef, else the controller's own. */
export function storeIdentity(
  es: KubeObject,
  store: KubeObject | undefined,
  controller: { namespace: string; name: string },
): { readonly namespace: string; readonly name: string; readonly fromStore: boolean } {
  const ref = (
    store?.spec as {
      provider?: { aws?: { auth?: { jwt?: { serviceAccountRef?: { name?: string; namespace?: string } } } } };
    }
  )?.provider?.aws?.auth?.jwt?.serviceAccountRef;
  if (ref?.name) return { namespace: ref.namespace ?? namespaceOf(es), name: ref.name, fromStore: true };
  return { ...controller, fromStore: false };
}

/** Remote keys an ExternalSecret reads (data[].remoteRef.key and dataFrom[].extract.key), in order, once each. */
export function remoteKeysOf(es: KubeObject): string[] {
  const spec = (es.spec ?? {}) as {
    data?: { remoteRef?: { key?: string } }[];
    dataFrom?: { extract?: { key?: string } }[];
  };
  const keys = [
    ...(spec.data ?? []).map((d) => d.remoteRef?.key),
    ...(spec.dataFrom ?? []).map((d) => d.extract?.key),
  ].filter((k): k is string => typeof k === 'string' && k !== '');
  return [...new Set(keys)];
}

const DENIED = /AccessDenied|not authorized to perform|UnrecognizedClientException|NoCredentialProviders/i;

/**
 * Why an ExternalSecret is denied by AWS, joined with the Pod Identity
 * associations: the identity its store uses has none (the controller falls
 * back to a role that may not read the key), or it has one whose role's
 * policy does not allow the read. Undefined when the condition is not a denial
 * or the associations were not read.
 */
export function diagnoseDenial(
  es: KubeObject,
  store: KubeObject | undefined,
  associations: Fact<readonly PodIdentityAssociationFact[]> | undefined,
  controller: { namespace: string; name: string },
  cluster: string | undefined,
): { readonly code: string; readonly cause: string; readonly next: string } | undefined {
  const ready = conditionOf(es, 'Ready');
  const message = ready?.message ?? '';
  if (ready?.status === 'True' || !DENIED.test(message) || !associations || associations.state !== 'read')
    return undefined;
  const who = storeIdentity(es, store, controller);
  const list = valueOr(associations, []);
  const assoc = list.find((a) => a.namespace === who.namespace && a.serviceAccount === who.name);
  const key = remoteKeysOf(es)[0] ?? '<key>';
  if (!assoc)
    return {
      code: 'externalsecret.no-pod-identity',
      cause: `Secrets Manager denied the read (${ready?.reason ?? 'not Ready'}), and ServiceAccount ${who.namespace}/${who.name}${who.fromStore ? ` (the identity of store ${storeRefOf(es).name})` : ''} has no Pod Identity association, so the request ran with another role`,
      next: `aws eks create-pod-identity-association --cluster-name ${cluster ?? '<cluster>'} --namespace ${who.namespace} --service-account ${who.name} --role-arn <role that may read ${key}>`,
    };
  return {
    code: 'externalsecret.access-denied',
    cause: `Secrets Manager denied the read to role ${assoc.roleArn} (Pod Identity association of ${who.namespace}/${who.name}): its policy does not allow secretsmanager:GetSecretValue on ${key}`,
    next: `aws iam simulate-principal-policy --policy-source-arn ${assoc.roleArn} --action-names secretsmanager:GetSecretValue --resource-arns <ARN of ${key}>`,
  };
}
