import type { KubeObject } from '../../inventory/types.js';
import type { PodIdentityAssociationFact, SecretsManagerFacts } from '../common/aws-facts.js';
import { formatAge, secondsBetween } from '../common/duration.js';
import { conditionOf, namespaceOf } from '../common/kube-reads.js';
import { diagnoseDenial, findStore, remoteKeysOf, storeRefOf } from '../common/secret-access.js';
import { refOf } from '../problems.js';
import type { DoctorFacts } from './facts-view.js';
import type { DoctorLink, DoctorParams } from './types.js';

interface PodSpecRefs {
  volumes?: { secret?: { secretName?: string }; projected?: { sources?: { secret?: { name?: string } }[] } }[];
  containers?: {
    env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[];
    envFrom?: { secretRef?: { name?: string } }[];
  }[];
  initContainers?: PodSpecRefs['containers'];
}

/** Names of the Secrets a pod spec mounts or reads into its environment. */
export function secretNamesOf(spec: unknown): string[] {
  const s = (spec ?? {}) as PodSpecRefs;
  const names = [
    ...(s.volumes ?? []).flatMap((v) => [
      v.secret?.secretName,
      ...(v.projected?.sources ?? []).map((x) => x.secret?.name),
    ]),
    ...[...(s.containers ?? []), ...(s.initContainers ?? [])].flatMap((c) => [
      ...(c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name),
      ...(c.envFrom ?? []).map((e) => e.secretRef?.name),
    ]),
  ];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))].sort();
}

function remoteLinks(es: KubeObject, f: DoctorFacts): DoctorLink[] {
  const facts = f.aws<SecretsManagerFacts>('secretsManager');
  return remoteKeysOf(es).map((key): DoctorLink => {
    const object = { kind: 'SecretsManagerSecret', name: key };
    if (!facts)
      return { step: 'Secrets Manager', object, state: 'unknown', detail: key, reason: f.awsReason('secretsManager') };
    const fact = facts[key];
    if (!fact || fact.state === 'unknown')
      return {
        step: 'Secrets Manager',
        object,
        state: 'unknown',
        detail: key,
        reason: fact?.state === 'unknown' ? fact.reason : 'DescribeSecret was not asked for this key',
      };
    const d = fact.value;
    if (!d.exists)
      return {
        step: 'Secrets Manager',
        object,
        state: 'problem',
        detail: 'does not exist',
        problem: {
          severity: 'critical',
          code: 'externalsecret.remote-key-missing',
          object,
          what: `${key} does not exist in Secrets Manager`,
          next: `aws secretsmanager list-secrets --filter Key=name,Values=${key.split('/').slice(0, -1).join('/')}/ --query 'SecretList[].Name'`,
          source: 'aws',
        },
      };
    const detail = `exists, changed ${d.lastChangedDate ?? '?'}${d.lastRotatedDate ? `, rotated ${d.lastRotatedDate}` : ''}, ${d.kmsKeyId ? `KMS ${d.kmsKeyId}` : 'aws/secretsmanager key'}`;
    if (d.deletedDate)
      return {
        step: 'Secrets Manager',
        object,
        state: 'problem',
        detail,
        problem: {
          severity: 'warning',
          code: 'externalsecret.remote-key-deleting',
          object,
          what: `${key} is scheduled for deletion (since ${d.deletedDate})`,
          next: `aws secretsmanager restore-secret --secret-id ${key}`,
          source: 'aws',
        },
      };
    return { step: 'Secrets Manager', object, state: 'ok', detail };
  });
}

/** Each Secret the pods use → the ExternalSecret that makes it → its Secrets Manager keys. */
export function secretLinks(podSpec: unknown, f: DoctorFacts, p: DoctorParams): DoctorLink[] {
  const names = secretNamesOf(podSpec);
  if (names.length === 0) return [];
  const ns = f.input.target.namespace;
  const out: DoctorLink[] = [];
  const externalSecrets = f.list('ExternalSecret');
  const secrets = f.list('Secret');
  const stores = [...(f.list('SecretStore') ?? []), ...(f.list('ClusterSecretStore', false) ?? [])];
  for (const name of names) {
    const es = externalSecrets?.find(
      (e) => ((e.spec as { target?: { name?: string } } | undefined)?.target?.name ?? e.metadata.name) === name,
    );
    const present = secrets ? secrets.some((s) => s.metadata.name === name) : undefined;
    const secretObject = { kind: 'Secret', name, namespace: ns };
    if (!es) {
      if (!externalSecrets)
        out.push({
          step: 'ExternalSecret',
          object: secretObject,
          state: 'unknown',
          detail: `for Secret ${name}`,
          reason: f.reason('ExternalSecret'),
        });
      if (present === false)
        out.push({
          step: 'Secret',
          object: secretObject,
          state: 'problem',
          detail: 'does not exist',
          problem: {
            severity: 'critical',
            code: 'secret.missing',
            object: secretObject,
            what: `Secret ${name} that the pods use does not exist, and no ExternalSecret makes it`,
            next: `kubectl get externalsecrets -n ${ns}`,
            source: 'kubernetes',
          },
        });
      else if (externalSecrets)
        out.push({
          step: 'Secret',
          object: secretObject,
          state: present ? 'ok' : 'unknown',
          detail: present ? 'exists (not managed by an ExternalSecret)' : name,
          ...(present === undefined ? { reason: f.reason('Secret') } : {}),
        });
      continue;
    }
    const ready = conditionOf(es, 'Ready');
    const refresh = (es.status as { refreshTime?: string } | undefined)?.refreshTime;
    const store = storeRefOf(es);
    const detail = `${ready?.status === 'True' ? 'Ready' : `not Ready (${ready?.reason ?? 'no condition'})`}, store ${store.kind}/${store.name}, last sync ${refresh ? `${formatAge(secondsBetween(refresh, f.input.now))} ago` : 'never'}, target ${name} ${present === false ? 'absent' : present ? 'present' : 'unknown'}`;
    if (ready?.status === 'True') out.push({ step: 'ExternalSecret', object: refOf(es), state: 'ok', detail });
    else {
      const foundStore = findStore(es, stores);
      const joined = diagnoseDenial(
        es,
        foundStore,
        f.input.aws.podIdentityAssociations as
          | import('../facts.js').Fact<readonly PodIdentityAssociationFact[]>
          | undefined,
        p.controllerServiceAccount,
        f.input.cluster,
      );
      out.push({
        step: 'ExternalSecret',
        object: refOf(es),
        state: 'problem',
        detail,
        problem: {
          severity: 'critical',
          code: joined?.code ?? 'externalsecret.not-ready',
          object: refOf(es),
          what: `${es.metadata.name} not Ready (${ready?.reason ?? 'no condition'})${present ? `: the pods run with the value synced ${refresh ? `${formatAge(secondsBetween(refresh, f.input.now))} ago` : 'before'}` : ''}`,
          cause: joined ? `${joined.cause}. The controller says: ${ready?.message ?? ''}` : ready?.message,
          next: joined?.next ?? `kubectl describe externalsecret ${es.metadata.name} -n ${namespaceOf(es)}`,
          source: joined ? 'joined' : 'kubernetes',
        },
      });
    }
    out.push(...remoteLinks(es, f));
  }
  return out;
}
