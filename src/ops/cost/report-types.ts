import type { ObjectRef, OpsProblem } from '../problems.js';
import type { Resources, Usage } from './facts.js';

/** One thing to change, with what it saves a month when the price table can say. */
export interface CostItem {
  readonly area: 'rightsizing' | 'capacity' | 'storage' | 'logs';
  /** Stable id of the kind of item, e.g. `storage.gp2`. */
  readonly code: string;
  readonly object: ObjectRef;
  /** What was seen. */
  readonly what: string;
  /** What to do. */
  readonly recommendation: string;
  /** Estimated saving per month in the table's currency; undefined when it cannot be priced. */
  readonly monthlySaving?: number;
  /** Why there is no saving figure. */
  readonly unpriced?: string;
}

export interface ContainerSizing {
  readonly namespace: string;
  readonly workload: string;
  readonly workloadKind: string;
  readonly container: string;
  readonly pods: number;
  readonly requests: Resources;
  /** What it used, or why that is not known. */
  readonly usage: Usage | { readonly unknown: string };
  readonly recommended?: { readonly requests: Required<Resources>; readonly limits: Required<Resources> };
}

export interface GroupCapacity {
  readonly nodeGroup: string;
  /** A zone name, or `*` for the whole group. */
  readonly zone: string;
  readonly capacity: 'onDemand' | 'spot';
  readonly nodes: number;
  readonly allocatable: Required<Resources>;
  readonly requested: Required<Resources>;
  readonly hourlyCost?: number;
}

export interface CostReport {
  readonly environment: string;
  readonly region: string;
  readonly clusterName: string;
  readonly prices:
    | { readonly region: string; readonly retrieved: string; readonly currency: string; readonly spotDiscount: number }
    | { readonly unknown: string };
  readonly rightsizing: readonly ContainerSizing[];
  readonly capacity: readonly GroupCapacity[];
  readonly split: {
    readonly onDemandNodes: number;
    readonly spotNodes: number;
    readonly interruptibleOnOnDemand: readonly string[];
    readonly statefulOnSpot: readonly string[];
  };
  readonly items: readonly CostItem[];
  /** Sum of the priced items' savings per month. */
  readonly totalMonthlySaving: number;
  /** Parts that could not be read, with why. */
  readonly unknown: Readonly<Record<string, string>>;
  readonly problems: readonly OpsProblem[];
}
