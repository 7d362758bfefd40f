import { AwsAccessDenied, AwsNoCredentials } from '../../aws/errors.js';
import { KubeApiError } from '../../kube/errors.js';
import { type Fact, known, unknownFact } from '../facts.js';

/**
 * Why a read failed, in words a person can act on: a 403 names the RBAC
 * permission, a kind the cluster does not serve says so, an AWS denial names
 * the IAM action, missing credentials say how to give them.
 */
export function reasonOf(e: unknown, what: string): string {
  if (e instanceof KubeApiError) {
    if (e.status === 403) return `forbidden: ${e.message} (grant get/list on it: slipway verifier-access)`;
    if (e.reason === 'NotServed') return `not served by this cluster: ${e.message}`;
    return `${what} could not be read: ${e.message}`;
  }
  if (e instanceof AwsAccessDenied)
    return `AWS denied ${e.action} (AccessDenied); the reading role needs it (slipway verifier-access)`;
  if (e instanceof AwsNoCredentials)
    return `no usable AWS credentials (${e.message}); set AWS_PROFILE or --profile, or pass --no-aws`;
  const name = e instanceof Error ? e.name : 'Error';
  const message = e instanceof Error ? e.message : String(e);
  return `${what} could not be read: ${name}: ${message}`;
}

/** Runs one read; a failure becomes `unknown` with the reason, never a throw and never an empty "healthy" value. */
export async function readFact<T>(what: string, read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return known(await read());
  } catch (e) {
    return unknownFact(reasonOf(e, what));
  }
}

/** The reason an AWS part is unknown when the connection reads no AWS. */
export const AWS_NOT_READ = 'AWS was not read (--no-aws)';

/** The reason an AWS part that needs the cluster name is unknown without one. */
export const NO_CLUSTER_NAME = 'the EKS cluster name is not known (give --env so the config names it)';
