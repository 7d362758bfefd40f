import * as k8s from './cdk/k8s.js';
import { type AppScope, addServiceAccount, objectMeta } from './common.js';
import { podTemplate } from './pod.js';
import { prefersSpot } from './scheduling.js';
import { addExternalSecrets } from './secrets.js';

/**
 * Pattern 4, scheduled job: a CronJob that never overlaps itself
 * (concurrencyPolicy Forbid), skips a run it could not start within
 * startingDeadlineSeconds, kills a hung run after activeDeadlineSeconds, retries
 * a failed run backoffLimit times (restartPolicy Never: a new pod each try) and
 * deletes finished Jobs after ttlSecondsAfterFinished. Optional timeZone
 * (otherwise the controller's, UTC on EKS). Prefers spot nodes.
 */
export function addCronApp(s: AppScope): void {
  const { app, env } = s;
  addServiceAccount(s);
  addExternalSecrets(s.scope, app, env, s.namespace, s.labels);

  new k8s.KubeCronJob(s.scope, 'cronjob', {
    metadata: objectMeta(s),
    spec: {
      schedule: app.schedule as string,
      timeZone: app.timeZone,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: app.startingDeadlineSeconds,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels: s.labels },
        spec: {
          activeDeadlineSeconds: app.activeDeadlineSeconds,
          ttlSecondsAfterFinished: app.ttlSecondsAfterFinished,
          backoffLimit: app.backoffLimit,
          template: podTemplate({
            app,
            env,
            labels: s.labels,
            restartPolicy: 'Never',
            affinity: { nodeAffinity: prefersSpot() },
          }),
        },
      },
    },
  });
}
