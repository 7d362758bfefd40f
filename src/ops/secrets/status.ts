import type { KubeObject } from '../../inventory/types.js';
import type { SecretsManagerFacts } from '../common/aws-facts.js';
import { formatAge, parseDuration, secondsBetween } from '../common/duration.js';
import { conditionOf, namespaceOf } from '../common/kube-reads.js';
import { diagnoseDenial, findStore, remoteKeysOf, storeRefOf } from '../common/secret-access.js';
import { type Fact, unknownParts } from '../facts.js';
import { type OpsProblem, sortProblems } from '../problems.js';
import {
  type ExternalSecretStatusRow,
  type RemoteKeyRow,
  SECRETS_DEFAULTS,
  type SecretsInput,
  type SecretsParams,
  type SecretsReport,
} from './types.js';

function remoteKeyRow(key: string, facts: Fact<SecretsManagerFacts>, prefix: string): RemoteKeyRow {
  const inPath = key.startsWith(prefix) || key.includes(`:secret:${prefix}`);
  if (facts.state === 'unknown') return { key, state: 'unknown', reason: facts.reason, inPath };
  const f = facts.value[key];
  if (!f) return { key, state: 'unknown', reason: 'DescribeSecret was not asked for this key', inPath };
  if (f.state === 'unknown') return { key, state: 'unknown', reason: f.reason, inPath };
  const d = f.value;
  if (!d.exists) return { key, state: 'missing', inPath };
  return {
    key,
    state: d.deletedDate ? 'deleting' : 'exists',
    ...(d.lastChangedDate ? { lastChanged: d.lastChangedDate } : {}),
    ...(d.lastRotatedDate ? { lastRotated: d.lastRotatedDate } : {}),
    ...(d.deletedDate ? { deletedDate: d.deletedDate } : {}),
    ...(d.rotationEnabled !== undefined ? { rotationEnabled: d.rotationEnabled } : {}),
    ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
    inPath,
  };
}

function rowOf(
  es: KubeObject,
  input: SecretsInput,
  stores: readonly KubeObject[] | undefined,
  secrets: readonly KubeObject[] | undefined,
  prefix: string,
): ExternalSecretStatusRow {
  const spec = (es.spec ?? {}) as { refreshInterval?: string; target?: { name?: string } };
  const status = (es.status ?? {}) as { refreshTime?: string };
  const ready = conditionOf(es, 'Ready');
  const ns = namespaceOf(es);
  const targetName = spec.target?.name ?? es.metadata.name;
  const ref = storeRefOf(es);
  return {
    namespace: ns,
    name: es.metadata.name,
    store: { ...ref, found: stores ? findStore(es, stores) !== undefined : 'unknown' },
    ...(spec.refreshInterval !== undefined ? { refreshInterval: spec.refreshInterval } : {}),
    ready: {
      status: ready?.status ?? 'Unknown',
      ...(ready?.reason ? { reason: ready.reason } : {}),
      ...(ready?.message ? { message: ready.message } : {}),
    },
    ...(status.refreshTime
      ? { lastSync: status.refreshTime, lastSyncAge: secondsBetween(status.refreshTime, input.now) }
      : {}),
    target: {
      name: targetName,
      present: secrets ? secrets.some((s) => namespaceOf(s) === ns && s.metadata.name === targetName) : 'unknown',
    },
    remoteKeys: remoteKeysOf(es).map((k) => remoteKeyRow(k, input.secretsManager, prefix)),
  };
}

function problemsOf(
  row: ExternalSecretStatusRow,
  es: KubeObject,
  input: SecretsInput,
  stores: readonly KubeObject[],
  p: SecretsParams,
  prefix: string,
): OpsProblem[] {
  const object = { kind: 'ExternalSecret', name: row.name, namespace: row.namespace };
  const out: OpsProblem[] = [];
  const refresh = `slipway secrets refresh ${row.name} -n ${row.namespace}`;
  if (row.store.found === false)
    out.push({
      severity: 'critical',
      code: 'externalsecret.store-missing',
      object,
      what: `${row.store.kind} ${row.store.name} does not exist`,
      cause: row.ready.message,
      next: `kubectl get ${row.store.kind.toLowerCase()} ${row.store.name}${row.store.kind === 'SecretStore' ? ` -n ${row.namespace}` : ''}`,
      source: 'kubernetes',
    });
  if (row.ready.status !== 'True' && row.store.found !== false) {
    const joined = diagnoseDenial(
      es,
      findStore(es, stores),
      input.podIdentityAssociations,
      p.controllerServiceAccount,
      input.cluster,
    );
    out.push({
      severity: 'critical',
      code: joined?.code ?? 'externalsecret.not-ready',
      object,
      what: `not Ready (${row.ready.reason ?? row.ready.status})`,
      cause: joined ? `${joined.cause}. The controller says: ${row.ready.message ?? ''}` : row.ready.message,
      next: joined?.next ?? `kubectl describe externalsecret ${row.name} -n ${row.namespace}`,
      source: joined ? 'joined' : 'kubernetes',
    });
  }
  for (const k of row.remoteKeys) {
    if (k.state === 'missing')
      out.push({
        severity: 'critical',
        code: 'externalsecret.remote-key-missing',
        object,
        what: `remote key ${k.key} does not exist in Secrets Manager`,
        cause: 'DescribeSecret answered ResourceNotFoundException: the controller has nothing to sync',
        next: `aws secretsmanager list-secrets --filter Key=name,Values=${prefix} --query 'SecretList[].Name'`,
        source: 'aws',
      });
    if (k.state === 'deleting')
      out.push({
        severity: 'warning',
        code: 'externalsecret.remote-key-deleting',
        object,
        what: `remote key ${k.key} is scheduled for deletion (since ${k.deletedDate})`,
        cause: 'the next refresh after the deletion fails, and the pods that mount the Secret keep the old value',
        next: `aws secretsmanager restore-secret --secret-id ${k.key}`,
        source: 'joined',
      });
    if (!k.inPath)
      out.push({
        severity: 'warning',
        code: 'externalsecret.path-outside-environment',
        object,
        what: `remote key ${k.key} is outside ${prefix}*`,
        cause: `each environment reads only its own path, so a policy scoped to ${prefix}* cannot read it`,
        next: `move the secret to ${prefix}${k.key.replace(/^\/+/, '')} and point remoteRef.key at it`,
        source: 'kubernetes',
      });
  }
  if (row.target.present === false && row.ready.status === 'True')
    out.push({
      severity: 'warning',
      code: 'externalsecret.target-missing',
      object,
      what: `target Secret ${row.target.name} does not exist although the ExternalSecret is Ready`,
      next: refresh,
      source: 'kubernetes',
    });
  const interval = parseDuration(row.refreshInterval);
  if (
    row.ready.status === 'True' &&
    interval &&
    row.lastSyncAge !== undefined &&
    row.lastSyncAge > interval * p.staleAfterIntervals
  )
    out.push({
      severity: 'warning',
      code: 'externalsecret.stale',
      object,
      what: `last sync ${formatAge(row.lastSyncAge)} ago, refresh interval ${row.refreshInterval}`,
      cause: `older than ${p.staleAfterIntervals} refresh intervals: the controller may not be reconciling`,
      next: refresh,
      source: 'kubernetes',
    });
  return out;
}

/** The environment's path prefix from the template ("EKS/{environment}/" → "EKS/prod/"). */
export function pathPrefixOf(environment: string, template: string = SECRETS_DEFAULTS.pathTemplate): string {
  return template.replaceAll('{environment}', environment);
}

/**
 * Every ExternalSecret with its store, refresh interval, Ready condition, last
 * sync, target Secret and the Secrets Manager side of each remote key
 * (exists, last changed and rotated, scheduled for deletion, KMS key), and the
 * problems among them. Values are never read.
 */
export function secretsStatus(input: SecretsInput, params: Partial<SecretsParams> = {}): SecretsReport {
  const p: SecretsParams = { ...SECRETS_DEFAULTS, ...params };
  const prefix = pathPrefixOf(input.environment, p.pathTemplate);
  const list = input.externalSecrets.state === 'read' ? input.externalSecrets.value : [];
  const stores = input.secretStores.state === 'read' ? input.secretStores.value : undefined;
  const secrets = input.secrets.state === 'read' ? input.secrets.value : undefined;
  const pairs = list
    .map((es) => ({ es, row: rowOf(es, input, stores, secrets, prefix) }))
    .sort((a, b) => a.row.namespace.localeCompare(b.row.namespace) || a.row.name.localeCompare(b.row.name));
  return {
    environment: input.environment,
    pathPrefix: prefix,
    externalSecrets: pairs.map((x) => x.row),
    problems: sortProblems(pairs.flatMap(({ es, row }) => problemsOf(row, es, input, stores ?? [], p, prefix))),
    unknown: unknownParts({
      externalSecrets: input.externalSecrets,
      secretStores: input.secretStores,
      secrets: input.secrets,
      secretsManager: input.secretsManager,
      ...(input.podIdentityAssociations ? { podIdentityAssociations: input.podIdentityAssociations } : {}),
    }),
  };
}
