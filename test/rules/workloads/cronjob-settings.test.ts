import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/cronjob-settings.js';
import { cronJob, inventory, kobj, run, statusOf } from '../helpers.js';

describe('workloads.cronjob-settings', () => {
  it('passes the Pattern 4 CronJob', () => {
    expect(statusOf(run(rule, inventory({ kube: [cronJob()] })), 'report')).toBe('pass');
  });

  it.each([
    ['concurrencyPolicy Allow', { spec: { concurrencyPolicy: 'Allow' } }],
    ['no startingDeadlineSeconds', { spec: { startingDeadlineSeconds: undefined } }],
    ['no activeDeadlineSeconds', { jobSpec: { activeDeadlineSeconds: undefined } }],
    ['no ttlSecondsAfterFinished', { jobSpec: { ttlSecondsAfterFinished: undefined } }],
    ['no backoffLimit', { jobSpec: { backoffLimit: undefined } }],
  ])('fails a CronJob with %s', (_, opts) => {
    expect(statusOf(run(rule, inventory({ kube: [cronJob(opts)] })), 'report')).toBe('fail');
  });

  it('fails a standalone Job without deadlines', () => {
    const job = kobj('Job', 'migrate', {
      apiVersion: 'batch/v1',
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'x' }] } } },
    });
    expect(statusOf(run(rule, inventory({ kube: [{ ...job, apiVersion: 'batch/v1' }] })), 'migrate')).toBe('fail');
  });
});
