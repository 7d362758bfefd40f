import type { Workload } from '../../inventory/workloads.js';
import type { ResultStatus, RuleResult } from '../types.js';
import { workloadResult } from './results.js';
import type { ContainerRef } from './workloads.js';

export type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

const PROBE_NAMES: Record<ProbeField, string> = {
  livenessProbe: 'liveness probe',
  readinessProbe: 'readiness probe',
  startupProbe: 'startup probe',
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
  return containers.map((c) => {
    const name = c.container.name;
    return c.container[probe]
      ? workloadResult('pass', w, `container ${name} has a ${PROBE_NAMES[probe]}`, [...c.path, probe], name)
      : workloadResult(missing, w, missingMessage(name), c.path, name);
  });
}
