import type { z } from 'zod';
import type { AppConfig, resourcesSchema } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { valueFor } from './naming.js';

export type Pattern = AppConfig['pattern'];
export type Resources = z.infer<typeof resourcesSchema>;

/**
 * Requests and limits when the config gives none (pitfall 1: always set both).
 * Web follows the Pattern 1 deployment essentials; stateful gets more
 * because databases and caches hold data in memory; workers and jobs start at
 * the web values. Tune from `kubectl top pods` (20% usage means overprovisioned).
 */
export const DEFAULT_RESOURCES: Record<Pattern, Resources> = {
  web: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  stateful: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  worker: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  cron: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
};

/**
 * Node-local scratch space (logs, the writable layer, emptyDir) a container
 * gets from its namespace's LimitRange when it declares none: the request
 * covers the 256Mi /tmp volume every pod mounts, the limit keeps one pod from
 * filling the node's disk and getting its neighbours evicted.
 */
export const DEFAULT_EPHEMERAL_STORAGE = { request: '256Mi', limit: '1Gi' } as const;

/** UID containers run as when the config does not say. 999 is the postgres and redis images' user. */
export const DEFAULT_UID: Record<Pattern, number> = { web: 10001, stateful: 999, worker: 10001, cron: 10001 };

/** Seconds a web pod keeps serving after it is marked for termination, while the ALB deregisters it. */
export const WEB_PRESTOP_SECONDS = 10;

/** Seconds a worker waits before SIGTERM, so KEDA/endpoint changes settle. */
export const WORKER_PRESTOP_SECONDS = 5;

/** Extra seconds a worker gets beyond the SQS visibility timeout to finish its last message. */
export const WORKER_SHUTDOWN_MARGIN_SECONDS = 30;

export function resourcesOf(app: AppConfig, env: Pick<EnvironmentConfig, 'name'>): Resources {
  return valueFor(app.resources, env.name, DEFAULT_RESOURCES[app.pattern]);
}

export function uidOf(app: AppConfig): number {
  return app.runAsUser ?? DEFAULT_UID[app.pattern];
}

/** Probe kind: tcp for stateful (postgres, redis speak no HTTP), else http, unless the config says. */
export function probeKindOf(app: AppConfig): 'http' | 'tcp' {
  return app.probe ?? (app.pattern === 'stateful' ? 'tcp' : 'http');
}
