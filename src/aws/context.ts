import { awsResource } from '../inventory/memory.js';
import type { AwsResource, SourceRef } from '../inventory/types.js';
import { AWS_TYPE_ACTIONS } from './access-table.js';
import type { AwsClients } from './clients.js';
import {
  AwsAccessDenied,
  AwsNoCredentials,
  isAccessDenied,
  isCredentialsProblem,
  isRejectedCredentials,
  nameOf,
} from './errors.js';

/** What the live AWS source is asked for, and where it puts what it finds. */
export interface AwsTarget {
  /** The EKS cluster to read. */
  readonly clusterName: string;
  /** Secrets Manager name prefix of the environment (metadata only is read). */
  readonly secretsPath: string;
  /** Images the cluster runs, for ECR scan findings. */
  readonly images: readonly string[];
}

/** Shared state of one AWS collection: results, coverage and the error handling every call goes through. */
export class AwsCollectContext {
  readonly resources: AwsResource[] = [];
  readonly types = new Set<string>();
  readonly denied = new Map<string, string>();
  readonly notes: string[] = [];
  /** Every action called, in order (tests compare it with the access table). */
  readonly calls: string[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly clients: AwsClients,
    readonly target: AwsTarget,
    readonly wanted: ReadonlySet<string>,
    readonly source: SourceRef,
  ) {}

  /** Whether any of these types was asked for. */
  wants(...types: string[]): boolean {
    return types.some((t) => this.wanted.has(t));
  }

  /** Makes one read-only call; turns a refusal into AwsAccessDenied naming the IAM action. */
  async call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    if (!/^[a-z0-9-]+:(Describe|List|Get)/.test(action)) throw new Error(`refusing a non-read call: ${action}`);
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

  /** Shares one result between collectors (the cluster description, the Pod Identity associations). */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.memo.set(key, p);
    }
    return p;
  }

  /**
   * Runs a collector for some types. On success they count as collected; when
   * a call is refused, those types become unknown with the missing permission.
   */
  async guard(types: readonly string[], fn: () => Promise<void>): Promise<void> {
    const asked = types.filter((t) => this.wanted.has(t));
    if (asked.length === 0) return;
    try {
      await fn();
      for (const t of asked) if (!this.denied.has(t)) this.types.add(t);
    } catch (e) {
      if (e instanceof AwsNoCredentials) throw e;
      const reason = e instanceof AwsAccessDenied ? e.message : `error: ${e instanceof Error ? e.message : String(e)}`;
      for (const t of asked) this.denied.set(t, reason);
      // Drop partial results of this collector.
      for (let i = this.resources.length - 1; i >= 0; i--) {
        if (types.includes(this.resources[i].type)) this.resources.splice(i, 1);
      }
    }
  }

  add(type: string, id: string, properties: Record<string, unknown>, live?: Record<string, unknown>): AwsResource {
    if (!AWS_TYPE_ACTIONS[type]) throw new Error(`no access-table entry for ${type}`);
    const r = awsResource(type, id, dropUndefined(properties), {
      live: live ? dropUndefined(live) : undefined,
      source: this.source,
    });
    this.resources.push(r);
    return r;
  }
}

/** Removes undefined values so live properties look like template properties. */
export function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Runs fn over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Follows nextToken-style pagination. */
export async function allPages<P, T>(
  fetch: (token: string | undefined) => Promise<P>,
  items: (page: P) => readonly T[] | undefined,
  token: (page: P) => string | undefined,
): Promise<T[]> {
  const out: T[] = [];
  let t: string | undefined;
  do {
    const page = await fetch(t);
    out.push(...(items(page) ?? []));
    t = token(page);
  } while (t);
  return out;
}
