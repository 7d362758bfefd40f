import type { AwsClients } from './clients.js';
import {
  AwsAccessDenied,
  AwsNoCredentials,
  isAccessDenied,
  isCredentialsProblem,
  isRejectedCredentials,
  nameOf,
} from './errors.js';

/** The verbs a reader may call: anything else is refused before it is sent. */
const READ_ONLY = /^[a-z0-9-]+:(Describe|List|Get|Filter)[A-Za-z]*$/;

/**
 * The read-only guard every AWS reader goes through: each call is named by
 * its IAM action, refused unless it is a Describe/List/Get/Filter, recorded
 * (the read-only proof and the access table are checked against `calls`),
 * and a refusal becomes AwsAccessDenied naming the action. Answers asked for
 * twice (the cluster description, the Pod Identity associations) are shared.
 */
export class AwsReader {
  /** Every action called, in order. */
  readonly calls: string[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(readonly clients: AwsClients) {}

  /** Makes one read-only call; turns a refusal into AwsAccessDenied and missing credentials into AwsNoCredentials. */
  async call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    if (!READ_ONLY.test(action)) throw new Error(`refusing a non-read call: ${action}`);
    this.calls.push(action);
    try {
      return await fn();
    } catch (e) {
      if (isAccessDenied(e)) throw new AwsAccessDenied(action);
      if (isCredentialsProblem(e)) {
        const why = e instanceof Error ? `${nameOf(e)}: ${e.message}` : String(e);
        throw new AwsNoCredentials(why, isRejectedCredentials(e));
      }
      throw e;
    }
  }

  /** One answer per key for the life of this reader. */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.memo.set(key, p);
    }
    return p;
  }
}
