import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../src/config/schema/apps.js';
import { envWith, find, podSpecOf, synthObjects } from './helpers.js';

const report: AppInput = {
  name: 'report',
  pattern: 'cron',
  image: { repository: 'demo/report', tag: '0.1.0' },
  schedule: '0 2 * * *',
  secrets: ['report/db'],
};

describe('cron pattern (Pattern 4)', () => {
  const cron = find(synthObjects(envWith([report])).objects, 'CronJob', 'report');
  const pod = podSpecOf(cron);

  it('never overlaps, handles missed schedules, kills hung runs and cleans up finished jobs', () => {
    expect(cron.spec).toMatchObject({
      schedule: '0 2 * * *',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
    });
    expect(cron.spec.jobTemplate.spec).toMatchObject({
      activeDeadlineSeconds: 3600,
      ttlSecondsAfterFinished: 86400,
      backoffLimit: 2,
    });
    expect(pod.restartPolicy).toBe('Never');
    expect(cron.spec.timeZone).toBeUndefined();
  });

  it('sets resources, the security context and secret files', () => {
    const c = pod.containers[0];
    expect(c.resources.requests).toEqual({ cpu: '100m', memory: '256Mi' });
    expect(c.resources.limits).toEqual({ cpu: '500m', memory: '512Mi' });
    expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true });
    expect(c.volumeMounts).toContainEqual(expect.objectContaining({ mountPath: '/var/run/secrets/slipway/report-db' }));
  });

  it('takes schedule, time zone and every deadline from config', () => {
    const app: AppInput = {
      ...report,
      schedule: '*/15 * * * *',
      timeZone: 'Europe/Berlin',
      startingDeadlineSeconds: 60,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      backoffLimit: 0,
    };
    const c = find(synthObjects(envWith([app])).objects, 'CronJob', 'report');
    expect(c.spec).toMatchObject({ schedule: '*/15 * * * *', timeZone: 'Europe/Berlin', startingDeadlineSeconds: 60 });
    expect(c.spec.jobTemplate.spec).toMatchObject({
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      backoffLimit: 0,
    });
  });
});
