import type { Workload } from '../../inventory/workloads.js';
import type { ContainerRef } from './workloads.js';

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
}

/** Stands in for a missing securityContext: shared, so no object is made per container. */
const NONE: SecurityContext = Object.freeze({});

export function containerContext(c: ContainerRef): SecurityContext {
  return (c.container.securityContext ?? NONE) as SecurityContext;
}

export function podContext(w: Workload): SecurityContext {
  return ((w.template.spec?.securityContext as SecurityContext | undefined) ?? NONE) as SecurityContext;
}

/** A container setting, else the pod's (pod-level securityContext carries runAsNonRoot and runAsUser). */
export function effective<K extends 'runAsNonRoot' | 'runAsUser'>(
  w: Workload,
  c: ContainerRef,
  key: K,
): SecurityContext[K] | undefined {
  const own = containerContext(c)[key];
  return own !== undefined ? own : podContext(w)[key];
}
