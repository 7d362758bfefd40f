import { AWS_TYPE_ACTIONS } from '../../../aws/access-table.js';
import { AwsAccessDenied, AwsNoCredentials } from '../../../aws/errors.js';
import type { AwsReader } from '../../../aws/read-context.js';
import { awsResource } from '../../memory.js';
import type { AwsResource, SourceRef } from '../../types.js';

/** What the live AWS source is asked for, and where it puts what it finds. */
export interface AwsTarget {
  /** The EKS cluster to read. */
  readonly clusterName: string;
  /** Secrets Manager name prefix of the environment (metadata only is read). */
  readonly secretsPath: string;
  /** Images the cluster runs, for ECR scan findings. */
  readonly images: readonly string[];
}

/**
 * One AWS collection: the readers' answers mapped to CloudFormation-shaped
 * resources, which types were read, and why the others are unknown.
 */
export class LiveAwsContext {
  readonly resources: AwsResource[] = [];
  readonly types = new Set<string>();
  readonly denied = new Map<string, string>();
  readonly notes: string[] = [];

  constructor(
    readonly aws: AwsReader,
    readonly target: AwsTarget,
    readonly wanted: ReadonlySet<string>,
    readonly source: SourceRef,
  ) {}

  /** Whether any of these types was asked for. */
  wants(...types: string[]): boolean {
    return types.some((t) => this.wanted.has(t));
  }

  /**
   * Runs a mapper for some types. On success they count as collected; when
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
      // Drop partial results of this mapper.
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
