import type { KubeReader } from '../kube/reader.js';
import type { KubeLimits } from '../kube/transport.js';

/*
 * The options of a live connection, apart from connect.ts so that the
 * declarations of slipway/verify (runVerify takes these options) load no AWS
 * SDK or client-node types: the AWS clients are a type parameter here, which
 * connectLive (slipway/ops) fixes to AwsClients.
 */

/** Where a live command reads from: one cluster (kubeconfig and context) and, unless left out, one AWS account. */
export interface LiveConnectOptions<C = object> {
  /** A kubeconfig file; default: client-node's conventions (KUBECONFIG, ~/.kube/config, in-cluster). */
  readonly kubeconfig?: string;
  /** A kubeconfig context; default: the current one. */
  readonly context?: string;
  /** Read namespaced objects in this namespace only; all namespaces when undefined. */
  readonly namespace?: string;
  /** Request, retry and credential-plugin limits; the rest keep their defaults. */
  readonly limits?: Partial<KubeLimits>;
  /** The cluster the environment expects, for the advice when no kubeconfig exists. */
  readonly expected?: { readonly cluster: string; readonly region: string };
  /** false: AWS is not read (its facts stay unknown). */
  readonly aws?: false | LiveAwsOptions<C>;
  /** A ready reader (tests, library callers); replaces kubeconfig and context. */
  readonly reader?: KubeReader;
}

export interface LiveAwsOptions<C = object> {
  readonly profile?: string;
  readonly region?: string;
  /** Ready clients (tests: aws-sdk-client-mock); default: created lazily from profile and region. */
  readonly clients?: C;
}
