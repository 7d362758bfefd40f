import type { KubeObject } from '../kube/types.js';
import type { ValuePath } from '../util/paths.js';

/**
 * The fact model every rule reads. Sources (manifest files, CloudFormation
 * templates, kubectl dumps, the live Kubernetes API, the live AWS account)
 * produce these; rules never know which source a fact came from.
 */

/** Where a fact came from: a position in a file, or a live cluster/account. */
export interface SourceRef {
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** Live Kubernetes: the kubeconfig context or cluster name (in a fleet run, the kubeconfig's cluster of `context`). */
  readonly cluster?: string;
  /** Fleet runs (verify --live --context a,b / --all-contexts): the kubeconfig context the fact was read through. */
  readonly context?: string;
  /** Live AWS: account and region. */
  readonly account?: string;
  readonly region?: string;
}

export type { KubeObject, ObjectMeta } from '../kube/types.js';

/** A Kubernetes object in the inventory. */
export interface KubeResource {
  /** Stable id: `<apiGroup>/<kind>/<namespace|_cluster>/<name>`. */
  readonly id: string;
  readonly object: KubeObject;
  readonly source: SourceRef;
  /**
   * The file the object was read from, known without working out its position (`source` counts lines to
   * the object); absent where it is not known that way (objects held in memory, manifests embedded in a
   * CloudFormation template): read `source.file` then.
   */
  readonly file?: string;
  /** Position of a field inside this object (re-parses only this document, lazily); falls back to the object's start. */
  locate(path: ValuePath): SourceRef;
  /**
   * Drops what locating kept about the object's document (lines, the re-parse); later locates compute them
   * again. Absent where positions cost nothing to keep (live objects).
   */
  releasePositions?(): void;
}

/**
 * An AWS resource, normalised to the shape of its CloudFormation type and
 * properties (`AWS::EKS::Nodegroup` with `ScalingConfig`, `Subnets`, …). Static
 * sources read templates; live sources map API responses to the same shape.
 */
export interface AwsResource {
  /** CloudFormation type, such as `AWS::EKS::Nodegroup`. */
  readonly type: string;
  /** Logical id in a template, or the physical id/ARN when live. */
  readonly id: string;
  /** CloudFormation-shaped properties; static values may hold intrinsics ({ Ref }, { 'Fn::GetAtt' }, …). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Facts only a live account shows (status, actual zones, scan findings, …). */
  readonly live?: Readonly<Record<string, unknown>>;
  readonly source: SourceRef;
  /** Position of a property path (template files); falls back to the resource's start. */
  locate(path: ValuePath): SourceRef;
}

/** What the sources could and could not see, so rules can answer `unknown` instead of `pass`. */
export interface Coverage {
  /** static: files; live: API server and AWS account; dump: kubectl output. */
  readonly mode: 'static' | 'live' | 'dump';
  /** Kubernetes kinds the sources collected (an empty list is still "collected"). */
  readonly kubeKinds: ReadonlySet<string>;
  /** Kinds the source could not read, with the reason (403 and the RBAC verb/resource, …). */
  readonly kubeDenied: ReadonlyMap<string, string>;
  /** AWS CloudFormation types the sources collected. */
  readonly awsTypes: ReadonlySet<string>;
  /** AWS types that could not be read, with the reason (AccessDenied naming the permission, no credentials, …). */
  readonly awsDenied: ReadonlyMap<string, string>;
  /** Free-form notes from sources (documents skipped, …). */
  readonly notes: readonly string[];
}

/** What a Git checkout shows about a GitOps object read from one of its files. */
export interface CheckoutFacts {
  /** The checkout's top folder. */
  readonly root: string;
  /** Each folder the object syncs (from the repository root) → whether it exists in the checkout. */
  readonly paths: ReadonlyMap<string, boolean>;
}

/**
 * Whether a source read a kind (or AWS type): `read` completely, `forbidden`
 * (403/401: the reason names the missing permission), or `error` (any other
 * failure: 5xx or 429 after retries, a broken body, …). Undefined when no
 * source was asked for it.
 */
export interface KindRead {
  readonly status: 'read' | 'forbidden' | 'error';
  readonly reason?: string;
}

/** A problem with an input that did not stop the others from being read. */
export interface InputProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}
