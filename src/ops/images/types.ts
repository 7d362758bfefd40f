import type { KubeObject } from '../../inventory/types.js';
import type { EcrRepositoryFact } from '../common/aws-facts.js';
import type { Fact } from '../facts.js';
import type { OpsProblem } from '../problems.js';

export interface ImagesInput {
  readonly environment: {
    readonly name: string;
    /** Production: mutable tags are a problem. */
    readonly production: boolean;
    /** Registry hosts the environment's images come from (its ECR: <account>.dkr.ecr.<region>.amazonaws.com). */
    readonly registries: readonly string[];
  };
  /** Pods, for what actually runs: status.containerStatuses image and imageID. */
  readonly pods: Fact<readonly KubeObject[]>;
  /** ECR repositories of the running images, with their images and scan findings. */
  readonly ecr: Fact<readonly EcrRepositoryFact[]>;
}

/**
 * Thresholds of `images`. Defaults (IMAGES_DEFAULTS):
 * - maxCritical 0: any critical finding in a running image is a problem.
 * - maxHigh 10: more high findings than this is a problem.
 * - alsoAllowedRegistries: registries that are not the environment's but are expected
 *   (the EKS add-on registry 602401143452.dkr.ecr.<region>.amazonaws.com); `*` matches one label.
 */
export interface ImagesParams {
  readonly maxCritical: number;
  readonly maxHigh: number;
  readonly alsoAllowedRegistries: readonly string[];
}

export const IMAGES_DEFAULTS: ImagesParams = {
  maxCritical: 0,
  maxHigh: 10,
  alsoAllowedRegistries: ['602401143452.dkr.ecr.*.amazonaws.com'],
};

export interface ImageWorkload {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly containers: readonly string[];
}

export interface EcrView {
  /** found; repository-missing; tag-missing; unknown (not read, with the reason). */
  readonly state: 'found' | 'repository-missing' | 'tag-missing' | 'unknown';
  readonly reason?: string;
  readonly scanOnPush?: boolean;
  readonly tagMutability?: string;
  /** Digest the tag points at now. */
  readonly tagDigest?: string;
  readonly pushedAt?: string;
  /** Whether every running digest is the tag's digest (false: the tag moved since the pods started). */
  readonly digestMatch?: boolean;
  readonly scan?: {
    readonly status: string;
    readonly findingCounts: Readonly<Record<string, number>>;
    readonly criticalIds: readonly string[];
    /** The digest the findings are of. */
    readonly digest: string;
  };
}

export interface ImageRow {
  readonly image: string;
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  /** Digests the pods run (from imageID), sorted; empty while the image is not pulled. */
  readonly runningDigests: readonly string[];
  readonly pods: number;
  readonly workloads: readonly ImageWorkload[];
  /** ecr: from an ECR registry; other: any other registry. */
  readonly registryKind: 'ecr' | 'other';
  /** Whether the registry is the environment's (or an expected one). */
  readonly allowedRegistry: boolean;
  readonly ecr?: EcrView;
}

export interface ImagesReport {
  readonly environment: string;
  readonly images: readonly ImageRow[];
  readonly problems: readonly OpsProblem[];
  readonly unknown: Readonly<Record<string, string>>;
}
