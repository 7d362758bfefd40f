/**
 * The types of the fake Kubernetes API server (fake-kube-server.ts): what startFakeKubeServer is told
 * (objects, faults, logs) and what it hands back (its URL, kubeconfig and request log).
 */
import type { FakeResource } from './fake-kube-resources.js';

/** Objects of one kind: an array, or a count and a generator for the i-th object. */
export type FakeObjects =
  | readonly Record<string, unknown>[]
  | { readonly count: number; readonly at: (i: number) => Record<string, unknown> };

/** How many objects of a kind there are, without generating them. */
export function countOf(objs: FakeObjects): number {
  return Array.isArray(objs) ? objs.length : (objs as { count: number }).count;
}

/** The i-th object of a kind, generated now when the kind is generated. */
export function objectAt(objs: FakeObjects, i: number): Record<string, unknown> {
  return Array.isArray(objs) ? objs[i] : (objs as { at: (i: number) => Record<string, unknown> }).at(i);
}

export interface FakeKubeOptions {
  /** Resources the server serves (discovery); default: BUILTIN_RESOURCES. */
  readonly resources?: readonly FakeResource[];
  readonly objects?: Readonly<Record<string, FakeObjects>>;
  /** Kinds whose list answers 403. */
  readonly forbidden?: readonly string[];
  /** Kinds whose first continue request answers 410 Gone (once per kind). */
  readonly expireContinueOnce?: readonly string[];
  /** Kinds whose first N list requests answer 429 with this Retry-After. */
  readonly throttle?: Readonly<Record<string, { times: number; retryAfter: string }>>;
  /** Kinds whose answers are delayed by this many milliseconds. */
  readonly slowMs?: Readonly<Record<string, number>>;
  /** Bearer token the server requires; default "test-token". */
  readonly token?: string;
  /** false: accept requests without the token (kubectl sends no bearer token over plain http). */
  readonly requireAuth?: boolean;
  /** Largest page the server returns; default 500. */
  readonly maxLimit?: number;
  /** A fault on every list of a kind (a 429 storm is `throttle` with `times: Infinity`). */
  readonly faults?: Readonly<Record<string, FakeFault>>;
  /** Body size of an `oversized` page; default 4 MiB. */
  readonly oversizedBytes?: number;
  /** Pod logs by `<namespace>/<pod>/<container>`; the pod must be among the Pod objects. */
  readonly logs?: Readonly<Record<string, FakePodLog>>;
  /** The gitVersion GET /version answers (default FAKE_SERVER_VERSION); `forbidden` answers 403. */
  readonly serverVersion?: string | 'forbidden';
}

/** The API server version the fake answers on /version unless told otherwise. */
export const FAKE_SERVER_VERSION = 'v1.34.2-eks-0f1e2d3';

/** A container's log: the running instance's, and the previous (terminated) one's when it restarted. */
export interface FakePodLog {
  readonly current?: string;
  readonly previous?: string;
}

/**
 * - `repeat-continue`: every page of the list hands back the same continue token;
 * - `trickle`: the headers come at once, then one byte of the body every 50 ms, forever;
 * - `hang`: the request is accepted and never answered;
 * - `oversized`: a page whose body is `oversizedBytes` (default 4 MiB) of items;
 * - `invalid-body`: 200 with a body that is not JSON;
 * - `unavailable`: 503, as an aggregated API (metrics.k8s.io) answers when its server is down.
 */
export type FakeFault = 'repeat-continue' | 'trickle' | 'hang' | 'oversized' | 'invalid-body' | 'unavailable';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** PATCH only: the body as sent, and its Content-Type. */
  readonly body?: string;
  readonly contentType?: string;
}

export interface FakeKubeServer {
  readonly url: string;
  readonly log: LoggedRequest[];
  /** A kubeconfig file (token auth) pointing at this server; context "fake". */
  readonly kubeconfigPath: string;
  close(): Promise<void>;
}
