import type { ObjectRef, OpsProblem } from '../problems.js';

export interface PlanAction {
  readonly what: string;
  readonly command?: string;
}

export interface PlanPhase {
  readonly name: 'prepare' | 'control plane' | 'add-ons' | 'node groups' | 'verify';
  readonly actions: readonly PlanAction[];
}

export interface ApiFinding {
  readonly object: ObjectRef;
  readonly where?: string;
  readonly apiVersion: string;
  readonly removedIn: string;
  readonly deprecatedIn: string;
  readonly replacement: string;
  /** `removed`: not served by the target; `deprecated`: still served, removed in a later minor. */
  readonly status: 'removed' | 'deprecated';
}

export interface VersionChange {
  readonly component: string;
  readonly type: 'addon' | 'chart' | 'kubectl-layer';
  readonly from: string;
  readonly to: string;
}

export interface UpgradePlan {
  readonly environment: string;
  readonly clusterName: string;
  readonly region: string;
  readonly from: string;
  readonly to: string;
  readonly apis: readonly ApiFinding[];
  /** Versions the lock changes between the two minors, for what the environment installs. */
  readonly versions: readonly VersionChange[];
  /** What the target needs that this installation lacks (the kubectl layer package, …). */
  readonly missingFromLock: readonly string[];
  /** Critical problems block the upgrade; warnings are worth doing first. */
  readonly problems: readonly OpsProblem[];
  readonly blockers: number;
  readonly phases: readonly PlanPhase[];
  readonly unknown: Readonly<Record<string, string>>;
}
