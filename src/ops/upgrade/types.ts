import type { Fact } from '../facts.js';
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

/** One property of a synthesized resource that differs between the current and the target minor. */
export interface SynthChange {
  /** The stack's logical id of the resource. */
  readonly resource: string;
  readonly type: string;
  /** Dotted path of the property (`Version`, `Values.image.tag`, `LaunchTemplateData.ImageId`). */
  readonly property: string;
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
  /** What `slipway synth` would change: resource properties that differ between the two minors. */
  readonly synthChanges: Fact<readonly SynthChange[]>;
  /** Critical problems block the upgrade; warnings are worth doing first. */
  readonly problems: readonly OpsProblem[];
  readonly blockers: number;
  readonly phases: readonly PlanPhase[];
  readonly unknown: Readonly<Record<string, string>>;
}
