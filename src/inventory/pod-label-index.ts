import { isPlainObject } from '../util/paths.js';
import { firstOwnKey, push } from './labels.js';
import type { Workload } from './workloads.js';

const NONE: readonly Workload[] = Object.freeze([]);

/**
 * Workloads by namespace, then by pod label key and value, each namespace's
 * index built on first use. It answers which workloads may carry a selector's
 * required labels, so relationship lookups stay linear in the objects.
 */
export class PodLabelIndex {
  private readonly byNamespace = new Map<string, Map<string, Map<string, Workload[]>>>();

  constructor(private readonly workloadsByNs: ReadonlyMap<string, readonly Workload[]>) {}

  /**
   * The namespace's workloads (owned ones too) that may carry these required
   * labels: those with the first pair, or all of them when none is required.
   * A superset: callers apply the full selector.
   */
  candidates(namespace: string, required: unknown): readonly Workload[] {
    const inNs = this.workloadsByNs.get(namespace) ?? NONE;
    if (!isPlainObject(required)) return inNs;
    const first = firstOwnKey(required);
    if (first === undefined || required[first] === undefined) return inNs;
    return this.indexOf(namespace, inNs).get(first)?.get(String(required[first])) ?? NONE;
  }

  private indexOf(namespace: string, workloads: readonly Workload[]): Map<string, Map<string, Workload[]>> {
    let index = this.byNamespace.get(namespace);
    if (!index) {
      index = new Map();
      for (let i = 0; i < workloads.length; i++) {
        const w = workloads[i];
        const labels = w.podLabels;
        for (const k in labels) {
          let byValue = index.get(k);
          if (!byValue) {
            byValue = new Map();
            index.set(k, byValue);
          }
          push(byValue, String(labels[k]), w);
        }
      }
      this.byNamespace.set(namespace, index);
    }
    return index;
  }
}
