import { replicasOf } from '../config/app-floor.js';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { DEFAULT_RESOURCES, type Resources, resourcesOf } from './defaults.js';
import { valueFor } from './naming.js';

/** `250m` → 250, `1.5` → 1500 (millicores). */
export function cpuMillis(q: string): number {
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Math.round(Number(q) * 1000);
}

const MEMORY_UNITS: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024 };

/** `512Mi` → 512, `1Gi` → 1024 (mebibytes). */
export function memoryMi(q: string): number {
  const m = /^(\d+)(Ki|Mi|Gi|Ti)$/.exec(q);
  if (!m) throw new Error(`not a memory quantity: ${q}`);
  return Number(m[1]) * MEMORY_UNITS[m[2]];
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatMemory(mi: number): string {
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${Math.ceil(mi)}Mi`;
}

/**
 * The most pods an app can run at once in an environment: the autoscaler's
 * ceiling plus one rolling-update surge pod for Deployments, the replica count
 * for StatefulSets (no surge), one for a CronJob (concurrencyPolicy Forbid).
 */
export function peakPods(app: AppConfig, env: EnvironmentConfig): number {
  const replicas = replicasOf(app, env.name, env);
  switch (app.pattern) {
    case 'web': {
      const max = valueFor(app.autoscaling?.max, env.name, webDefaultMax(replicas));
      return Math.max(max, replicas) + 1;
    }
    case 'stateful':
      return replicas;
    case 'worker':
      return valueFor(app.queue?.maxReplicas, env.name, 10) + 1;
    case 'cron':
      return 1;
  }
}

/** HPA ceiling when the config sets none: twice the replicas. */
export function webDefaultMax(replicas: number): number {
  return replicas * 2;
}

function storageGi(q: string): number {
  const m = /^(\d+)(Mi|Gi|Ti)$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * ({ Mi: 1 / 1024, Gi: 1, Ti: 1024 } as Record<string, number>)[m[2]];
}

/** Headroom over the computed peak, so a config change does not immediately hit the quota. */
export const QUOTA_HEADROOM = 1.25;

/**
 * A namespace's ResourceQuota: what its apps can use at peak scale (requests
 * and limits times peak pods), plus 25% headroom, rounded up to 100m CPU and
 * 256Mi memory. One noisy tier cannot take the cluster (Pattern 5).
 */
export function namespaceQuota(apps: readonly AppConfig[], env: EnvironmentConfig): Record<string, string> {
  let reqCpu = 0;
  let reqMem = 0;
  let limCpu = 0;
  let limMem = 0;
  let pods = 0;
  let claims = 0;
  let storage = 0;
  for (const app of apps) {
    const n = peakPods(app, env);
    const r = resourcesOf(app, env);
    reqCpu += cpuMillis(r.requests.cpu) * n;
    reqMem += memoryMi(r.requests.memory) * n;
    limCpu += cpuMillis(r.limits.cpu) * n;
    limMem += memoryMi(r.limits.memory) * n;
    pods += n;
    if (app.pattern === 'stateful' && app.storage) {
      claims += n;
      storage += storageGi(valueFor(app.storage.size, env.name, '0Gi')) * n;
    }
  }
  const up = (v: number, step: number) => Math.ceil((v * QUOTA_HEADROOM) / step) * step;
  const out: Record<string, string> = {
    'limits.cpu': formatCpu(up(limCpu, 100)),
    'limits.memory': formatMemory(up(limMem, 256)),
    pods: String(Math.ceil(pods * QUOTA_HEADROOM)),
    'requests.cpu': formatCpu(up(reqCpu, 100)),
    'requests.memory': formatMemory(up(reqMem, 256)),
  };
  if (claims) {
    out.persistentvolumeclaims = String(claims);
    out['requests.storage'] = `${Math.ceil(storage * QUOTA_HEADROOM)}Gi`;
  }
  return out;
}

/**
 * LimitRange values: containers that declare nothing get the web defaults, and
 * no container may exceed the largest limits an app of the namespace declares.
 */
export function namespaceLimits(
  apps: readonly AppConfig[],
  env: EnvironmentConfig,
): { default: Resources['limits']; defaultRequest: Resources['requests']; max: Resources['limits'] } {
  let cpu = cpuMillis(DEFAULT_RESOURCES.web.limits.cpu);
  let mem = memoryMi(DEFAULT_RESOURCES.web.limits.memory);
  for (const app of apps) {
    const r = resourcesOf(app, env);
    cpu = Math.max(cpu, cpuMillis(r.limits.cpu));
    mem = Math.max(mem, memoryMi(r.limits.memory));
  }
  return {
    default: DEFAULT_RESOURCES.web.limits,
    defaultRequest: DEFAULT_RESOURCES.web.requests,
    max: { cpu: formatCpu(cpu), memory: formatMemory(mem) },
  };
}
