import type { ValuePath } from '../../util/paths.js';
import { isPlainObject } from '../../util/paths.js';
import { kubeId } from '../memory.js';
import type { InputProblem, KubeObject, KubeResource, SourceRef } from '../types.js';

/** What a document turned out to hold. */
export interface KubeDocumentResult {
  readonly resources: KubeResource[];
  readonly notes: string[];
  /** Objects that are meant as Kubernetes objects but lack apiVersion, kind or metadata.name, at their position. */
  readonly problems: InputProblem[];
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

/** Where a document came from: its `file:line` for notes and positions inside it. */
export interface DocumentPlace {
  /** `file:line` of the document (only read when a note is written). */
  readonly where: string;
  /** The file the document was read from. */
  readonly file: string;
  /** Position of a path in the document. */
  locate(path: ValuePath): SourceRef;
  /** Position of the document's first content. */
  start(): SourceRef;
  /** Drops what locating kept (see DocumentLocator.release). */
  release?(): void;
}

/**
 * The Kubernetes objects in one parsed document: the object itself, or each
 * item of a List (a List nested in a List is read too, with a note). An item or
 * document that means to be an object (it has an apiVersion, a kind or
 * metadata) but lacks apiVersion, kind or metadata.name is a problem at its
 * position; anything else is skipped with a note saying where it was.
 */
export function kubeDocument(value: unknown, place: DocumentPlace): KubeDocumentResult {
  const out: KubeDocumentResult = { resources: [], notes: [], problems: [] };
  if (isKubeList(value)) {
    readList(value, [], place, out, 0);
    return out;
  }
  if (isKubeObject(value)) {
    out.resources.push(new FileKubeResource(value, [], place, true));
    return out;
  }
  // kustomization.yaml files sit next to manifests (slipway synth writes them); they configure a build, not the cluster.
  if (isPlainObject(value) && String(value.apiVersion).startsWith('kustomize.config.k8s.io/')) return out;
  if (meantAsObject(value))
    out.problems.push(problemAt(place.start(), `not a valid Kubernetes object: ${whyNot(value)}`));
  else out.notes.push(`${place.where}: skipped a document that is not a Kubernetes object (${whyNot(value)})`);
  return out;
}

/** Lists nest at most this deep (a List in a List in a List …). */
const MAX_LIST_NESTING = 8;

function readList(
  list: { items: unknown[] } & Record<string, unknown>,
  prefix: ValuePath,
  place: DocumentPlace,
  out: KubeDocumentResult,
  depth: number,
): void {
  list.items.forEach((item, i) => {
    const path = [...prefix, 'items', i];
    if (isKubeList(item) && depth < MAX_LIST_NESTING) {
      const at = place.locate(path);
      out.notes.push(
        `${at.file}:${at.line}: a ${describeKind(item)} nested in a ${describeKind(list)}; its items were read`,
      );
      readList(item, path, place, out, depth + 1);
    } else if (isKubeObject(item)) {
      out.resources.push(new FileKubeResource(item, path, place));
    } else if (meantAsObject(item)) {
      out.problems.push(
        problemAt(
          place.locate(path),
          `items[${i}] of a ${describeKind(list)} is not a valid Kubernetes object: ${whyNot(item)}`,
        ),
      );
    } else {
      out.notes.push(`${place.where}: skipped items[${i}] of a ${describeKind(list)}: ${whyNot(item)}`);
    }
  });
}

function meantAsObject(value: unknown): boolean {
  return isPlainObject(value) && ('apiVersion' in value || 'kind' in value || 'metadata' in value);
}

function problemAt(at: SourceRef, message: string): InputProblem {
  return { file: at.file ?? '<input>', line: at.line, column: at.column, message };
}

/** What a FileKubeResource asks for positions. */
interface PathLocator {
  readonly file?: string;
  locate(path: ValuePath): SourceRef;
  start?(): SourceRef;
  release?(): void;
}

/**
 * A Kubernetes object read from a file. Positions are computed only when asked
 * for, through the document's locator; the methods live on the prototype, so
 * each of the thousands of objects costs one small record, not closures.
 */
class FileKubeResource implements KubeResource {
  readonly object: KubeObject;
  readonly #prefix: ValuePath;
  readonly #at: PathLocator;
  /** The object's own position is the document's start (a whole-document object), else its path's. */
  readonly #atStart: boolean;
  #source?: SourceRef;
  #id?: string;

  constructor(object: KubeObject, prefix: ValuePath, at: PathLocator, atStart = false) {
    this.object = object;
    this.#prefix = prefix;
    this.#at = at;
    this.#atStart = atStart;
  }

  /** Built when first asked for (suppressions and reports ask for a few objects' ids, not all). */
  get id(): string {
    this.#id ??= kubeId(this.object);
    return this.#id;
  }

  /** The document's file; undefined for a manifest embedded in a template (its locator knows only positions). */
  get file(): string | undefined {
    return this.#at.file;
  }

  get source(): SourceRef {
    this.#source ??= this.#atStart && this.#at.start ? this.#at.start() : this.#at.locate(this.#prefix);
    return this.#source;
  }

  locate(path: ValuePath): SourceRef {
    return this.#at.locate(this.#prefix.length ? [...this.#prefix, ...path] : path);
  }

  releasePositions(): void {
    this.#at.release?.();
  }
}

/** A Kubernetes object read from a file: positions come from `locate`, computed only when asked for. */
export function fileKubeResource(
  object: KubeObject,
  prefix: ValuePath,
  locate: (path: ValuePath) => SourceRef,
): KubeResource {
  return new FileKubeResource(object, prefix, { locate });
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
