import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/queue-consumers.js';
import { deployment, goodContainer, hpa, inventory, kobj, run, statusOf } from '../helpers.js';

const worker = (grace = 60, env: unknown[] = []) =>
  deployment({
    name: 'worker',
    containers: [goodContainer('worker', { env })],
    podSpec: { terminationGracePeriodSeconds: grace },
  });
const scaledObject = (trigger: Record<string, unknown>) =>
  kobj('ScaledObject', 'worker', {
    spec: { scaleTargetRef: { name: 'worker' }, minReplicaCount: 0, maxReplicaCount: 10, triggers: [trigger] },
  });
const sqs = {
  type: 'aws-sqs-queue',
  metadata: { queueURL: 'https://sqs.us-east-1.amazonaws.com/1/q', queueLength: '5' },
};

describe('workloads.queue-consumers', () => {
  it('passes a worker scaled by KEDA on SQS with Pod Identity authentication and a long grace period', () => {
    const so = scaledObject({ ...sqs, authenticationRef: { name: 'aws' } });
    expect(statusOf(run(rule, inventory({ kube: [worker(), so] })), 'worker')).toBe('pass');
  });

  it('fails a queue trigger without authentication', () => {
    expect(statusOf(run(rule, inventory({ kube: [worker(), scaledObject(sqs)] })), 'worker')).toBe('fail');
  });

  it('fails a queue consumer (SQS_QUEUE_URL) scaled by a CPU HPA only', () => {
    const w = worker(60, [{ name: 'SQS_QUEUE_URL', value: 'https://sqs.us-east-1.amazonaws.com/1/q' }]);
    expect(statusOf(run(rule, inventory({ kube: [w, hpa('worker', 'worker', 2, 10)] })), 'worker')).toBe('fail');
  });

  it('fails a grace period below the environment minimum', () => {
    const so = scaledObject({ ...sqs, authenticationRef: { name: 'aws' } });
    expect(statusOf(run(rule, inventory({ kube: [worker(10), so] }), 'prod'), 'worker')).toBe('fail');
  });

  it('skips when no workload consumes a queue', () => {
    expect(run(rule, inventory({ kube: [deployment()] })).map((r) => r.status)).toEqual(['skip']);
  });
});
