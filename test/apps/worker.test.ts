import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../src/config/schema/apps.js';
import { envWith, find, podSpecOf, synthObjects } from './helpers.js';

const worker: AppInput = {
  name: 'orders',
  pattern: 'worker',
  image: { repository: 'demo/orders', tag: '1.0.0' },
  queue: {
    name: 'demo-orders',
    visibilityTimeoutSeconds: 120,
    messagesPerReplica: 10,
    maxReplicas: { test: 3, prod: 20 },
  },
};

describe('worker pattern (Pattern 3)', () => {
  const { objects } = synthObjects(envWith([worker]));
  const deployment = find(objects, 'Deployment', 'orders');
  const pod = podSpecOf(deployment);
  const container = pod.containers[0];

  it('has no Service, Ingress or HPA (KEDA owns scaling)', () => {
    for (const kind of ['Service', 'Ingress', 'HorizontalPodAutoscaler']) {
      expect(objects.filter((o) => o.kind === kind)).toEqual([]);
    }
  });

  it('spreads over zones without ever blocking scheduling, even in prod', () => {
    const zone = pod.topologySpreadConstraints.find(
      (c: { topologyKey: string }) => c.topologyKey === 'topology.kubernetes.io/zone',
    );
    expect(zone).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' });
    expect(zone.labelSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });

  it('scales on SQS queue depth through KEDA, authenticated with Pod Identity', () => {
    const so = find(objects, 'ScaledObject', 'orders');
    expect(so.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'orders' });
    expect(so.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 20 }); // prod minimum by default
    const [trigger] = so.spec.triggers;
    expect(trigger.type).toBe('aws-sqs-queue');
    expect(trigger.metadata).toEqual({
      queueURL: 'https://sqs.us-east-1.amazonaws.com/123456789012/demo-orders',
      queueLength: '10',
      awsRegion: 'us-east-1',
    });
    const auth = find(objects, 'TriggerAuthentication', trigger.authenticationRef.name);
    expect(auth.spec.podIdentity).toEqual({ provider: 'aws' });
    expect(auth.metadata.namespace).toBe(so.metadata.namespace);
  });

  it('shuts down gracefully: preStop pause and a grace period beyond the visibility timeout', () => {
    expect(container.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(120 + 30);
  });

  it('prefers spot nodes and sets requests and limits', () => {
    const pref = pod.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference;
    expect(pref.matchExpressions).toEqual([{ key: 'slipway.io/capacity', operator: 'In', values: ['spot'] }]);
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
  });

  it('has no probes without a port, and says why', () => {
    expect(container.readinessProbe).toBeUndefined();
    expect(container.livenessProbe).toBeUndefined();
    expect(deployment.metadata.annotations?.['slipway.io/probes']).toMatch(/serves no port/);
  });

  it('gets HTTP probes when it declares a port', () => {
    const objs = synthObjects(envWith([{ ...worker, port: 8081, healthPath: '/live' }])).objects;
    const c = podSpecOf(find(objs, 'Deployment', 'orders')).containers[0];
    expect(c.readinessProbe.httpGet).toEqual({ path: '/live', port: 8081 });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/live', port: 8081 });
  });

  it('tells the app its queue and region, and may call AWS', () => {
    expect(container.env).toEqual([
      { name: 'AWS_REGION', value: 'us-east-1' },
      { name: 'QUEUE_URL', value: 'https://sqs.us-east-1.amazonaws.com/123456789012/demo-orders' },
    ]);
    expect(find(objects, 'ServiceAccount', 'orders').automountServiceAccountToken).toBe(true);
  });

  it('applies queue overrides per environment and takes the region of a queue ARN', () => {
    const app: AppInput = {
      ...worker,
      queue: {
        name: 'arn:aws:sqs:eu-west-1:210987654321:other',
        visibilityTimeoutSeconds: 600,
        messagesPerReplica: 3,
        minReplicas: { test: 0, prod: 2 },
        maxReplicas: { test: 2, prod: 7 },
      },
    };
    const test = synthObjects(envWith([app], 'test')).objects;
    const so = find(test, 'ScaledObject', 'orders');
    expect(so.spec).toMatchObject({ minReplicaCount: 0, maxReplicaCount: 2 });
    expect(so.spec.triggers[0].metadata).toEqual({
      queueURL: 'https://sqs.eu-west-1.amazonaws.com/210987654321/other',
      queueLength: '3',
      awsRegion: 'eu-west-1',
    });
    expect(podSpecOf(find(test, 'Deployment', 'orders')).terminationGracePeriodSeconds).toBe(630);
    const prod = find(synthObjects(envWith([app], 'prod')).objects, 'ScaledObject', 'orders');
    expect(prod.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 7 });
  });

  it('has a PDB that always allows one eviction', () => {
    const pdb = find(objects, 'PodDisruptionBudget', 'orders');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });
});
