import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { queueUrl } from './aws-access.js';
import { type AppScope, addDeployment, addPodDisruptionBudget, addServiceAccount, objectMeta } from './common.js';
import { WORKER_PRESTOP_SECONDS, WORKER_SHUTDOWN_MARGIN_SECONDS } from './defaults.js';
import {
  ScaledObject,
  ScaledObjectSpecTriggersAuthenticationRefKind,
  TriggerAuthentication,
  TriggerAuthenticationSpecPodIdentityProvider,
} from './imports/keda.sh.js';
import { valueFor } from './naming.js';
import { podTemplate, probesFor } from './pod.js';
import { prefersSpot, spreadConstraints } from './scheduling.js';
import { addExternalSecrets } from './secrets.js';

/** KEDA trigger type for SQS queue depth. */
export const SQS_TRIGGER = 'aws-sqs-queue';

/** Annotation saying why a workload has no probes. */
export const PROBES_ANNOTATION = 'slipway.io/probes';

type Queue = NonNullable<AppConfig['queue']>;

/** Region of a queue: from its ARN, else the environment's. */
export function queueRegion(queue: string, env: Pick<EnvironmentConfig, 'region'>): string {
  return queue.startsWith('arn:') ? queue.split(':')[3] : env.region;
}

/** Grace before SIGKILL: the in-flight message's visibility timeout plus a margin, never below the environment default. */
export function workerGraceSeconds(queue: Queue, env: Pick<EnvironmentConfig, 'workloads'>): number {
  return Math.max(
    env.workloads.terminationGraceSeconds,
    queue.visibilityTimeoutSeconds + WORKER_SHUTDOWN_MARGIN_SECONDS,
  );
}

/** Replica range: by default never fewer than the environment minimum, so one spot reclaim does not stop the queue. */
export function workerReplicaRange(
  queue: Queue,
  env: Pick<EnvironmentConfig, 'name' | 'workloads'>,
): { min: number; max: number } {
  const min = valueFor(queue.minReplicas, env.name, env.workloads.minReplicas);
  const max = valueFor(queue.maxReplicas, env.name, 10);
  return { min, max: Math.max(min, max) };
}

/**
 * Pattern 3, queue worker: a Deployment with no Service or Ingress, scaled by
 * KEDA on SQS queue depth (messagesPerReplica messages per pod) rather than
 * CPU, authenticated through Pod Identity. Shutdown is graceful: a preStop
 * pause, then SIGTERM with time to finish the current message (grace ≥
 * visibility timeout + margin). Pods prefer spot nodes (the work is
 * interruptible: an unfinished message returns to the queue) and spread over
 * zones where capacity allows.
 *
 * A worker without a port has no HTTP endpoint to probe, so it gets no
 * readiness or liveness probe (it receives no traffic to gate); the
 * `slipway.io/probes` annotation says so and verify treats it as not served.
 * Give it `port` and `healthPath` to add HTTP probes.
 */
export function addWorkerApp(s: AppScope): void {
  const { app, env } = s;
  const queue = app.queue as Queue;
  const { min, max } = workerReplicaRange(queue, env);

  addServiceAccount(s);
  addExternalSecrets(s.scope, app, env, s.namespace, s.labels);

  const probes = probesFor(app);
  const noProbes = probes
    ? undefined
    : { [PROBES_ANNOTATION]: 'none: queue worker serves no port; set port and healthPath to add HTTP probes' };
  addDeployment(s, {
    // KEDA owns the replica count from here on; this is the starting point.
    replicas: Math.max(min, 1),
    annotations: noProbes,
    template: podTemplate({
      app,
      env,
      labels: s.labels,
      annotations: noProbes,
      probes,
      preStopSeconds: WORKER_PRESTOP_SECONDS,
      terminationGracePeriodSeconds: workerGraceSeconds(queue, env),
      affinity: { nodeAffinity: prefersSpot() },
      // Soft in every environment: spot capacity differs by zone, and a queue backlog beats a perfect spread.
      topologySpreadConstraints: spreadConstraints(s.selector, env, { softZones: true }),
    }),
  });

  const authName = `${app.name}-aws`;
  // provider aws: the KEDA operator reads queue attributes with its own Pod Identity role.
  new TriggerAuthentication(s.scope, 'trigger-auth', {
    metadata: { name: authName, namespace: s.namespace, labels: s.labels },
    spec: { podIdentity: { provider: TriggerAuthenticationSpecPodIdentityProvider.AWS } },
  });
  new ScaledObject(s.scope, 'scaled-object', {
    metadata: objectMeta(s),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
      minReplicaCount: min,
      maxReplicaCount: max,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [
        {
          type: SQS_TRIGGER,
          metadata: {
            awsRegion: queueRegion(queue.name, env),
            queueLength: String(queue.messagesPerReplica),
            queueURL: queueUrl(queue.name, env),
          },
          authenticationRef: {
            name: authName,
            kind: ScaledObjectSpecTriggersAuthenticationRefKind.TRIGGER_AUTHENTICATION,
          },
        },
      ],
    },
  });

  addPodDisruptionBudget(s, min, true);
}
