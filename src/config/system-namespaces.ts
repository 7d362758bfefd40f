import type { AppConfig } from './schema/apps.js';

/**
 * Namespaces an app may not run in: Kubernetes' own, and every namespace the
 * platform's controllers use. Synth gives an app namespace a default-deny
 * NetworkPolicy, restricted pod security, a quota and tight limits, and Argo CD
 * prunes and self-heals it: in kube-system that would break CoreDNS and the
 * node DaemonSets. (A test keeps this list in step with the platform's names.)
 */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'amazon-cloudwatch',
  'external-secrets',
  'keda',
  'karpenter',
  'argocd',
];

/** An app whose namespace is a system namespace, in config-file terms. */
export interface NamespaceViolation {
  readonly path: (string | number)[];
  readonly received: string;
  readonly message: string;
}

/** Apps that would land in a system namespace, through `namespace:`, `tier:` or the project name. */
export function checkAppNamespaces(apps: readonly AppConfig[], project: string): NamespaceViolation[] {
  const out: NamespaceViolation[] = [];
  apps.forEach((app, i) => {
    const ns = app.namespace ?? app.tier ?? project;
    if (!SYSTEM_NAMESPACES.includes(ns)) return;
    const path = app.namespace !== undefined ? ['apps', i, 'namespace'] : app.tier ? ['apps', i, 'tier'] : ['project'];
    const via = app.namespace !== undefined ? 'namespace' : app.tier ? 'tier' : 'the project name';
    out.push({
      path,
      received: ns,
      message:
        `app "${app.name}" would run in the system namespace ${ns} (from ${via}); ` +
        `apps may not use ${SYSTEM_NAMESPACES.join(', ')}: set apps[${i}].namespace to a namespace of its own`,
    });
  });
  return out;
}

/** Zones that are not in the environment's region (`us-east-1a` belongs to us-east-1 only). */
export function zonesOutsideRegion(zones: readonly string[] | undefined, region: string): number[] {
  if (!zones) return [];
  return zones.flatMap((z, i) => (z.length === region.length + 1 && z.startsWith(region) ? [] : [i]));
}
