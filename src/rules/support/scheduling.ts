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

function schedulingOf(w: Workload): SchedulingSpec {
  return (w.template.spec ?? {}) as SchedulingSpec;
}

function termSelects(t: NodeTerm, labels: CapacityLabels): boolean {
  return (t.matchExpressions ?? []).some(
    (e) =>
      e.key !== undefined && e.operator === 'In' && (e.values ?? []).some((v) => labels[e.key as string]?.includes(v)),
  );
}

/** Whether the pods must land on nodes with one of these labels (nodeSelector, or every required affinity term). */
export function requiresNodes(w: Workload, labels: CapacityLabels): boolean {
  const spec = schedulingOf(w);
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k]?.includes(v)) return true;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.length > 0 && terms.every((t) => termSelects(t, labels));
}

/** Whether the pods require or prefer nodes with one of these labels. */
export function prefersNodes(w: Workload, labels: CapacityLabels): boolean {
  if (requiresNodes(w, labels)) return true;
  const preferred = schedulingOf(w).affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.some((p) => p.preference !== undefined && termSelects(p.preference, labels));
}
