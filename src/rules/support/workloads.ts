import { type WorkloadContainer, workloadContainers } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import type { KubeSubject } from '../types.js';
import { workloadSubject } from './results.js';

/** A workload's container as rules see it: the inventory's fact plus the subject results name. */
export interface ContainerRef extends WorkloadContainer {
  /** What results about this container name as their subject: built once, shared by every rule's results. */
  readonly subject: KubeSubject;
}

/** The option that lists init containers too: one shared object for every caller. */
export const WITH_INIT = { init: true } as const;

const containerRefs = new WeakMap<Workload, { all: readonly ContainerRef[]; main: readonly ContainerRef[] }>();

/**
 * The workload's containers (workloadContainers of the inventory) with their
 * result subjects, init containers first when asked for. Shared between
 * callers (built once per workload): read it, never change it.
 */
export function containersOf(w: Workload, opts?: { init?: boolean }): readonly ContainerRef[] {
  let refs = containerRefs.get(w);
  if (!refs) {
    const all = workloadContainers(w, WITH_INIT).map((c) => ({ ...c, subject: workloadSubject(w, c.container.name) }));
    refs = { all, main: all.filter((c) => !c.init) };
    containerRefs.set(w, refs);
  }
  return opts?.init ? refs.all : refs.main;
}
