import type { ValuePath } from '../util/paths.js';
import type { AwsResource, KubeObject, KubeResource, SourceRef } from './types.js';

/** The inventory id of a Kubernetes object: `<group>/<kind>/<namespace|_cluster>/<name>`. */
export function kubeId(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash === -1 ? 'core' : object.apiVersion.slice(0, slash);
  // join, not a template: it makes one flat string, where concatenation keeps a chain of pieces
  // (about 130 bytes against 60 for a pod's id, which every one of 150,000 pods keeps).
  return [group, object.kind, object.metadata.namespace ?? '_cluster', object.metadata.name].join('/');
}

/** One `locate` per source: objects of a cluster or a dump share it instead of holding a closure each. */
const locateAt = new WeakMap<SourceRef, (path: ValuePath) => SourceRef>();

function sourceOnly(source: SourceRef): (path: ValuePath) => SourceRef {
  let locate = locateAt.get(source);
  if (!locate) {
    locate = () => source;
    locateAt.set(source, locate);
  }
  return locate;
}

/**
 * A Kubernetes object held in memory (from the API, a dump or a generator).
 * `locate` returns the object's own source: such sources have no finer positions.
 */
export function kubeResource(
  object: KubeObject,
  source: SourceRef = {},
  locate?: (path: ValuePath) => SourceRef,
): KubeResource {
  return new HeldKubeResource(object, source, locate ?? sourceOnly(source));
}

/**
 * The id is made the first time it is asked for (a finding's suppressions, an index by id): most of the
 * 150,000 pods of a large cluster are never asked, and their ids would be 10 MB of strings.
 */
class HeldKubeResource implements KubeResource {
  private made?: string;

  constructor(
    readonly object: KubeObject,
    readonly source: SourceRef,
    readonly locate: (path: ValuePath) => SourceRef,
  ) {}

  get id(): string {
    this.made ??= kubeId(this.object);
    return this.made;
  }
}

/** An AWS resource held in memory (from the SDK, or built in a test). */
export function awsResource(
  type: string,
  id: string,
  properties: Record<string, unknown>,
  extra: { live?: Record<string, unknown>; source?: SourceRef; locate?: (path: ValuePath) => SourceRef } = {},
): AwsResource {
  const source = extra.source ?? {};
  return { type, id, properties, live: extra.live, source, locate: extra.locate ?? (() => source) };
}
