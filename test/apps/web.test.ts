import { describe, expect, it } from 'vitest';
import { CLUSTER_SECRET_STORE } from '../../src/apps/secrets.js';
import { bareHostViolation } from '../../src/config/app-cross-checks.js';
import { ConfigError } from '../../src/config/errors.js';
import type { AppConfig, AppInput } from '../../src/config/schema/apps.js';
import { envWith, find, podSpecOf, synthObjects } from './helpers.js';

const web: AppInput = {
  name: 'shop',
  pattern: 'web',
  image: { repository: 'demo/shop', tag: '1.0.0' },
  port: 8080,
  healthPath: '/healthz',
  host: 'www',
  secrets: ['shop/db'],
  env: { LOG_LEVEL: 'info' },
  metrics: { port: 9090 },
  runbook: 'https://runbooks.example.com/shop',
};

describe('web pattern (Pattern 1)', () => {
  const { objects } = synthObjects(envWith([web]));
  const deployment = find(objects, 'Deployment', 'shop');
  const pod = podSpecOf(deployment);
  const container = pod.containers[0];

  it('rolls out with maxUnavailable 0 and maxSurge 1', () => {
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
  });

  it("sets the pattern's default requests and limits when the config gives none", () => {
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
  });

  it("probes readiness and liveness on the health path with the pattern's timings", () => {
    expect(container.readinessProbe).toMatchObject({
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 5,
      periodSeconds: 10,
    });
    expect(container.livenessProbe).toMatchObject({
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 15,
      periodSeconds: 20,
    });
  });

  it('spreads over zones and hosts, refusing to stack a zone in prod', () => {
    const keys = pod.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey);
    expect(keys).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(pod.topologySpreadConstraints[0].whenUnsatisfiable).toBe('DoNotSchedule');
    expect(pod.topologySpreadConstraints[0].labelSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });

  it('runs non-root, read-only, without privilege escalation or capabilities, with RuntimeDefault seccomp', () => {
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('mounts secrets as read-only files and never passes them through env', () => {
    const es = find(objects, 'ExternalSecret', 'shop-shop-db');
    const vol = pod.volumes.find(
      (v: { secret?: { secretName: string } }) => v.secret?.secretName === es.spec.target.name,
    );
    expect(vol).toBeDefined();
    expect(container.volumeMounts).toContainEqual({
      name: vol.name,
      mountPath: '/var/run/secrets/slipway/shop-db',
      readOnly: true,
    });
    expect(JSON.stringify(container.env ?? [])).not.toMatch(/secretKeyRef/);
    expect(container.envFrom).toBeUndefined();
    expect(container.env).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
  });

  it('reads each secret from <secretsPath>/<name> hourly through the ClusterSecretStore when there are no tiers', () => {
    const es = find(objects, 'ExternalSecret', 'shop-shop-db');
    expect(es.spec).toMatchObject({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: CLUSTER_SECRET_STORE },
      dataFrom: [{ extract: { key: 'EKS/prod/shop/db' } }],
    });
  });

  it('carries scrape and runbook annotations', () => {
    expect(deployment.spec.template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9090',
      'prometheus.io/path': '/metrics',
      'slipway.io/runbook': 'https://runbooks.example.com/shop',
    });
    expect(deployment.metadata.annotations?.['slipway.io/runbook']).toBe('https://runbooks.example.com/shop');
  });

  it('exposes an HTTPS-only ALB ingress on <host>.<domain>, grouped per environment', () => {
    const ingress = find(objects, 'Ingress', 'shop');
    expect(ingress.spec.ingressClassName).toBe('alb');
    expect(ingress.spec.rules[0].host).toBe('www.demo.example.com');
    expect(ingress.spec.tls).toEqual([{ hosts: ['www.demo.example.com'] }]);
    expect(ingress.metadata.annotations).toMatchObject({
      'alb.ingress.kubernetes.io/scheme': 'internet-facing',
      'alb.ingress.kubernetes.io/target-type': 'ip',
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}, {"HTTPS": 443}]',
      'alb.ingress.kubernetes.io/ssl-redirect': '443',
      'alb.ingress.kubernetes.io/healthcheck-path': '/healthz',
      'alb.ingress.kubernetes.io/group.name': 'demo-prod',
    });
    expect(ingress.metadata.annotations?.['alb.ingress.kubernetes.io/certificate-arn']).toBeUndefined();
    const service = find(objects, 'Service', 'shop');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  });

  it('names the certificate when the environment has one, and keeps full host names as written', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    const env = envWith([{ ...web, host: 'shop.other.org' }], 'prod', {
      domain: { name: 'demo.example.com', certificateArn: arn },
    });
    const ingress = find(synthObjects(env).objects, 'Ingress', 'shop');
    expect(ingress.metadata.annotations?.['alb.ingress.kubernetes.io/certificate-arn']).toBe(arn);
    expect(ingress.spec.rules[0].host).toBe('shop.other.org');
  });

  it('autoscales on CPU from the replica count, and has a PDB that selects its pods', () => {
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'shop');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop' });
    expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas);
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    const pdb = find(objects, 'PodDisruptionBudget', 'shop');
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    expect(pdb.spec.maxUnavailable).toBe(1);
  });

  it('runs at least two replicas in prod by default and mounts no API token without AWS access', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(find(objects, 'ServiceAccount', 'shop').automountServiceAccountToken).toBe(false);
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('keeps the token for apps with AWS access (Pod Identity) and sets AWS_REGION', () => {
    const env = envWith([{ ...web, aws: { s3: [{ bucket: 'b', access: 'read' }] } }]);
    const { objects: objs } = synthObjects(env);
    expect(find(objs, 'ServiceAccount', 'shop').automountServiceAccountToken).toBe(true);
    const c = podSpecOf(find(objs, 'Deployment', 'shop')).containers[0];
    expect(c.env).toContainEqual({ name: 'AWS_REGION', value: 'us-east-1' });
  });

  it('applies per-environment replicas, resources and autoscaling from config', () => {
    const app: AppInput = {
      ...web,
      replicas: { test: 2, prod: 4 },
      resources: {
        test: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
        prod: { requests: { cpu: '300m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      },
      autoscaling: { max: { test: 3, prod: 9 }, cpuPercent: 60 },
    };
    const prod = synthObjects(envWith([app], 'prod')).objects;
    const test = synthObjects(envWith([app], 'test')).objects;
    expect(find(prod, 'Deployment', 'shop').spec.replicas).toBe(4);
    expect(find(test, 'Deployment', 'shop').spec.replicas).toBe(2);
    expect(podSpecOf(find(prod, 'Deployment', 'shop')).containers[0].resources.limits).toEqual({
      cpu: '2',
      memory: '2Gi',
    });
    expect(podSpecOf(find(test, 'Deployment', 'shop')).containers[0].resources.requests).toEqual({
      cpu: '50m',
      memory: '128Mi',
    });
    expect(find(prod, 'HorizontalPodAutoscaler', 'shop').spec).toMatchObject({ minReplicas: 4, maxReplicas: 9 });
    expect(find(test, 'HorizontalPodAutoscaler', 'shop').spec.metrics[0].resource.target.averageUtilization).toBe(60);
  });

  it('refuses at load, with the config path, a bare host that has no domain to append', () => {
    expect(() => envWith([web], 'prod', { domain: undefined })).toThrow(ConfigError);
    expect(() => envWith([web], 'prod', { domain: undefined })).toThrow(/apps\[0\]\.host/);
  });

  it("refuses a bare host without a domain for a library caller that skips the loader, with the loader's issue", () => {
    const env = { ...envWith([web], 'prod'), domain: undefined };
    let error: unknown;
    try {
      synthObjects(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      bareHostViolation(web as AppConfig, 0, 'prod', { domain: undefined }),
    ]);
    expect((error as ConfigError).issues[0]).toMatchObject({ path: ['apps', 0, 'host'], received: 'www' });
  });

  it('uses a host with a dot as written, with or without a domain', () => {
    const full = { ...web, host: 'shop.other.example.org' };
    const env = { ...envWith([full], 'prod'), domain: undefined };
    expect(find(synthObjects(env).objects, 'Ingress', 'shop').spec.rules[0].host).toBe('shop.other.example.org');
  });

  it('gets no Ingress without a host', () => {
    const { objects: objs } = synthObjects(envWith([{ ...web, host: undefined }]));
    expect(objs.some((o) => o.kind === 'Ingress')).toBe(false);
  });
});
