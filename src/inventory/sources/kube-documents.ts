import type { ValuePath } from '../../util/paths.js';
import { isPlainObject } from '../../util/paths.js';
import { kubeId } from '../memory.js';
import type { KubeObject, KubeResource, SourceRef } from '../types.js';

/** What a document turned out to hold. */
export interface KubeDocumentResult {
  readonly resources: KubeResource[];
  readonly notes: string[];
}

/** Whether a parsed value looks like a Kubernetes object: apiVersion, kind and metadata.name. */
export function isKubeObject(value: unknown): value is KubeObject {
  if (!isPlainObject(value)) return false;
  if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return false;
  return isPlainObject(value.metadata) && typeof value.metadata.name === 'string' && value.metadata.name !== '';
}

/** A `kind: List` (or `<Kind>List`, as `kubectl get -o yaml` writes) holding objects in `items`. */
export function isKubeList(value: unknown): value is { items: unknown[] } {
  return (
    isPlainObject(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    Array.isArray(value.items)
  );
}

/**
 * The Kubernetes objects in one parsed document: the object itself, or each
 * item of a List. Anything else is skipped with a note saying where it was.
 * `locate` maps a path in the document to a position; `start` is the
 * document's first content position.
 */
export function kubeDocument(
  value: unknown,
  where: string,
  locate: (path: ValuePath) => SourceRef,
  start: SourceRef,
): KubeDocumentResult {
  if (isKubeList(value)) {
    const resources: KubeResource[] = [];
    const notes: string[] = [];
    value.items.forEach((item, i) => {
      if (isKubeObject(item)) resources.push(fileKubeResource(item, ['items', i], locate));
      else notes.push(`${where}: skipped items[${i}] of a ${describeKind(value)}: ${whyNot(item)}`);
    });
    return { resources, notes };
  }
  if (isKubeObject(value)) return { resources: [fileKubeResource(value, [], locate, start)], notes: [] };
  // kustomization.yaml files sit next to manifests (slipway synth writes them); they configure a build, not the cluster.
  if (isPlainObject(value) && String(value.apiVersion).startsWith('kustomize.config.k8s.io/')) {
    return { resources: [], notes: [] };
  }
  return { resources: [], notes: [`${where}: skipped a document that is not a Kubernetes object (${whyNot(value)})`] };
}

/** A Kubernetes object read from a file: positions come from `locate`, computed only when asked for. */
export function fileKubeResource(
  object: KubeObject,
  prefix: ValuePath,
  locate: (path: ValuePath) => SourceRef,
  start?: SourceRef,
): KubeResource {
  let source = start;
  return {
    id: kubeId(object),
    object,
    get source(): SourceRef {
      source ??= locate(prefix);
      return source;
    },
    locate: (path: ValuePath) => locate(prefix.length ? [...prefix, ...path] : path),
  };
}

function describeKind(v: Record<string, unknown>): string {
  return `${String(v.kind)} (${String(v.apiVersion)})`;
}

function whyNot(value: unknown): string {
  if (value === null || value === undefined) return 'it is empty';
  if (!isPlainObject(value)) return `it is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a mapping`;
  if (typeof value.apiVersion !== 'string') return 'no apiVersion';
  if (typeof value.kind !== 'string') return 'no kind';
  return `${value.kind} has no metadata.name`;
}
