import type { Inventory } from '../../inventory/inventory.js';
import type { Workload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';
import type { ResultStatus, RuleResult } from '../types.js';
import { nothingToCheck } from './coverage.js';
import { containerResult } from './results.js';
import { type ContainerRef, containersOf } from './workloads.js';

/** What a rule concluded about one container. */
export interface ContainerVerdict {
  readonly status: ResultStatus;
  readonly message: string;
  readonly path: ValuePath;
}

/** A rule's judgement of one container: one verdict, or one per finding. */
export type ContainerJudge = (w: Workload, c: ContainerRef) => ContainerVerdict | ContainerVerdict[];

export interface ContainerCheckOptions {
  /** Namespaces whose workloads are not checked (system pods with their own rules). */
  readonly ignoreNamespaces?: readonly string[];
  /** Whether init containers are judged too (default: yes). */
  readonly init?: boolean;
}

/**
 * Judges every container of every workload (init containers first) and turns
 * each verdict into a result about that container. With no workload to judge,
 * one `unknown` (workloads could not be read) or `skip` result.
 */
export function checkContainers(inv: Inventory, opts: ContainerCheckOptions, judge: ContainerJudge): RuleResult[] {
  const ignored = opts.ignoreNamespaces ?? [];
  const all = inv.workloads();
  const workloads = ignored.length === 0 ? all : all.filter((w) => !ignored.includes(w.namespace));
  if (workloads.length === 0) return nothingToCheck(inv, ['Deployment'], 'workloads');
  const init = opts.init ?? true;
  const out: RuleResult[] = [];
  const which = { init };
  // Indexed loops: these run for every container of many rules, mostly before the JIT optimises them.
  for (let i = 0; i < workloads.length; i++) {
    const w = workloads[i];
    const containers = containersOf(w, which);
    for (let j = 0; j < containers.length; j++) {
      const c = containers[j];
      const verdicts = judge(w, c);
      if (Array.isArray(verdicts)) {
        for (let k = 0; k < verdicts.length; k++) {
          const v = verdicts[k];
          out.push(containerResult(v.status, w, c, v.message, v.path));
        }
      } else out.push(containerResult(verdicts.status, w, c, verdicts.message, verdicts.path));
    }
  }
  return out;
}

/** Path of a container's securityContext: where a passing security check points. */
export function securityContextPath(c: ContainerRef): ValuePath {
  return c.path.concat('securityContext');
}

/**
 * A securityContext setting that should hold: `container <name> <passes>` at
 * the securityContext when it does, else a warning `container <name> <misses>`
 * at the container (the setting may be missing altogether).
 */
export function securitySetting(c: ContainerRef, ok: boolean, passes: string, misses: string): ContainerVerdict {
  const name = c.container.name;
  return ok
    ? { status: 'pass', message: `container ${name} ${passes}`, path: securityContextPath(c) }
    : { status: 'warn', message: `container ${name} ${misses}`, path: c.path };
}
