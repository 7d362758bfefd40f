import type { Workload } from '../../inventory/workloads.js';

interface NodeTerm {
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}
interface SchedulingSpec {
  nodeSelector?: Record<string, string>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeTerm[] };
      preferredDuringSchedulingIgnoredDuringExecution?: { preference?: NodeTerm }[];
    };
  };
}

/** Node label keys and the values that mean a kind of capacity. */
export type CapacityLabels = Readonly<Record<string, readonly string[]>>;

// Indexed loops and no closures: these run per workload of several rules, mostly before the JIT optimises them.

function schedulingOf(w: Workload): SchedulingSpec | null | undefined {
  return w.template.spec as SchedulingSpec | null | undefined;
}

function termSelects(t: NodeTerm, labels: CapacityLabels): boolean {
  const expressions = t.matchExpressions;
  if (!expressions) return false;
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i];
    if (e.key === undefined || e.operator !== 'In' || !e.values) continue;
    const allowed = labels[e.key];
    for (let j = 0; j < e.values.length; j++) if (allowed?.includes(e.values[j])) return true;
  }
  return false;
}

/** Whether the pods must land on nodes with one of these labels (nodeSelector, or every required affinity term). */
export function requiresNodes(w: Workload, labels: CapacityLabels): boolean {
  const spec = schedulingOf(w);
  const selector = spec?.nodeSelector;
  for (const k in selector) if (Object.hasOwn(selector, k) && labels[k]?.includes(selector[k])) return true;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!(terms && terms.length > 0)) return false;
  for (let i = 0; i < terms.length; i++) if (!termSelects(terms[i], labels)) return false;
  return true;
}

/** Whether the pods require or prefer nodes with one of these labels. */
export function prefersNodes(w: Workload, labels: CapacityLabels): boolean {
  if (requiresNodes(w, labels)) return true;
  const preferred = schedulingOf(w)?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  if (!preferred) return false;
  for (let i = 0; i < preferred.length; i++) {
    const preference = preferred[i].preference;
    if (preference !== undefined && termSelects(preference, labels)) return true;
  }
  return false;
}
