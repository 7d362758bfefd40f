import { Discovery } from './discovery.js';
import { apiError, KubeApiError, parseBody } from './errors.js';
import { collectionPath } from './reader.js';
import { type KubeConnectOptions, type KubeWriteTransport, openKubeSession } from './transport.js';
import type { KubeObject } from './types.js';

/**
 * Changes to a cluster, apart from every reader: only commands that change
 * something (`secrets refresh`, a rollout restart) build one, after the user
 * confirmed. PATCH is its only verb; nothing is created or deleted.
 */
export interface KubeWriter {
  readonly context: string;
  /** A JSON merge patch (RFC 7386) or a strategic merge patch of one object; returns the object as changed. */
  patch(target: PatchTarget, patch: Record<string, unknown>, type?: PatchType): Promise<KubeObject>;
  /** Sets annotations on one object (merge patch of metadata.annotations). */
  annotate(target: PatchTarget, annotations: Readonly<Record<string, string>>): Promise<KubeObject>;
}

export type PatchType = 'merge' | 'strategic';

export interface PatchTarget {
  readonly kind: string;
  /** Undefined for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly name: string;
}

const CONTENT_TYPES: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** The annotation External Secrets Operator watches: a new value makes it sync the secret now. */
export const FORCE_SYNC_ANNOTATION = 'force-sync';
/** The pod-template annotation `kubectl rollout restart` sets; a new value rolls every pod. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
/** Kinds whose pods a changed pod template replaces. */
export const RESTARTABLE_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** A KubeWriter over the API server. */
export class ApiKubeWriter implements KubeWriter {
  private readonly discovery: Discovery;

  constructor(private readonly transport: KubeWriteTransport) {
    this.discovery = new Discovery(transport);
  }

  get context(): string {
    return this.transport.context;
  }

  async patch(target: PatchTarget, patch: Record<string, unknown>, type: PatchType = 'merge'): Promise<KubeObject> {
    const r = await this.discovery.resolve(target.kind);
    if (!r.served) throw new KubeApiError(404, 'NotServed', target.kind, r.reason);
    const ns = r.info.namespaced ? (target.namespace ?? 'default') : undefined;
    const path = `${collectionPath(r.info, ns)}/${encodeURIComponent(target.name)}`;
    const res = await this.transport.patch(path, JSON.stringify(patch), CONTENT_TYPES[type]);
    if (res.status !== 200) throw apiError(res.status, path, res.body, 'PATCH');
    return parseBody(res.body, path) as KubeObject;
  }

  annotate(target: PatchTarget, annotations: Readonly<Record<string, string>>): Promise<KubeObject> {
    return this.patch(target, { metadata: { annotations } }, 'merge');
  }
}

/** Opens a writer through a kubeconfig (the same options and bounds as the reader's connectKube). */
export async function connectKubeWriter(options: KubeConnectOptions = {}): Promise<KubeWriter> {
  return new ApiKubeWriter(await openKubeSession(options));
}

/** Makes External Secrets Operator refresh one ExternalSecret now: `force-sync=<time>`. */
export function forceSyncExternalSecret(
  writer: KubeWriter,
  namespace: string,
  name: string,
  now: Date,
): Promise<KubeObject> {
  return writer.annotate(
    { kind: 'ExternalSecret', namespace, name },
    { [FORCE_SYNC_ANNOTATION]: String(Math.floor(now.getTime() / 1000)) },
  );
}

/** `kubectl rollout restart`: stamps the pod template, so the controller replaces every pod. */
export function restartRollout(writer: KubeWriter, target: PatchTarget, now: Date): Promise<KubeObject> {
  if (!RESTARTABLE_KINDS.includes(target.kind)) {
    throw new RangeError(
      `cannot restart ${target.kind} ${target.namespace ?? ''}/${target.name}: a rollout restart applies to ${RESTARTABLE_KINDS.join(', ')}`,
    );
  }
  const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: now.toISOString() } } } } };
  return writer.patch(target, patch, 'strategic');
}
