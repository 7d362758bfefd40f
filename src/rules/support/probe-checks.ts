import type { Workload } from '../../inventory/workloads.js';
import type { ResultStatus, RuleResult } from '../types.js';
import { containerResult } from './results.js';
import type { ContainerRef } from './workloads.js';

export type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** What a passing message says after `container <name>`. */
const HAS_PROBE: Record<ProbeField, string> = {
  livenessProbe: ' has a liveness probe',
  readinessProbe: ' has a readiness probe',
  startupProbe: ' has a startup probe',
};

/**
 * One result per container: a pass at the probe when the container declares
 * it, else `missing` with `missingMessage(name)` at the container.
 */
export function probeResults(
  w: Workload,
  containers: readonly ContainerRef[],
  probe: ProbeField,
  missing: ResultStatus,
  missingMessage: (container: string) => string,
): RuleResult[] {
  const passText = HAS_PROBE[probe];
  // Sized array, indexed loop and concat (not a spread): this runs per container, mostly before the JIT optimises it.
  const out = new Array<RuleResult>(containers.length);
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    const name = c.container.name;
    out[i] = c.container[probe]
      ? containerResult('pass', w, c, `container ${name}${passText}`, c.path.concat(probe))
      : containerResult(missing, w, c, missingMessage(name), c.path);
  }
  return out;
}
