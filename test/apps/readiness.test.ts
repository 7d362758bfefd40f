import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeApps } from '../../src/apps/synth.js';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { SlipwayConfig } from '../../src/config/types.js';
import { type Obj, objectsOf, podSpecOf } from './helpers.js';

/** The production-readiness checks the bundled example must pass in every environment. */
let config: SlipwayConfig;
beforeAll(async () => {
  config = await loadConfig(bundledExamplePath());
});

const WORKLOADS = ['Deployment', 'StatefulSet', 'CronJob'];
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(['test', 'prod'])('the bundled example in %s', (envName) => {
  let files: Map<string, string>;
  let objects: Obj[];
  let workloads: Obj[];
  beforeAll(() => {
    files = synthesizeApps(config.environments[envName]).files;
    objects = objectsOf(files);
    workloads = objects.filter((o) => WORKLOADS.includes(o.kind));
  });
  const of = (kind: string) => objects.filter((o) => o.kind === kind);

  it('gives every container requests and limits for cpu and memory', () => {
    for (const w of workloads) {
      for (const c of podSpecOf(w).containers) {
        expect(Object.keys(c.resources.requests).sort(), `${w.kind}/${w.metadata.name}`).toEqual(['cpu', 'memory']);
        expect(Object.keys(c.resources.limits).sort(), `${w.kind}/${w.metadata.name}`).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('probes readiness and liveness of every served workload', () => {
    for (const w of workloads.filter((x) => podSpecOf(x).containers.some((c: { ports?: unknown[] }) => c.ports))) {
      const [c] = podSpecOf(w).containers;
      expect(c.readinessProbe, `${w.metadata.name}`).toBeDefined();
      expect(c.livenessProbe, `${w.metadata.name}`).toBeDefined();
    }
  });

  it('passes no secret through environment variables', () => {
    for (const w of workloads) {
      for (const c of podSpecOf(w).containers) {
        expect(c.envFrom).toBeUndefined();
        for (const e of c.env ?? []) expect(e.valueFrom, `${w.metadata.name} ${e.name}`).toBeUndefined();
      }
    }
  });

  it('rolls web Deployments 0/1 with an HPA, a PDB that selects them, and enough replicas', () => {
    const webs = of('Deployment').filter((d) => d.metadata.labels?.['app.kubernetes.io/component'] === 'web');
    expect(webs.map((d) => d.metadata.name).sort()).toEqual(['api', 'frontend']);
    for (const d of webs) {
      expect(d.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
      expect(of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === d.metadata.name)).toBe(true);
      const pdbs = of('PodDisruptionBudget').filter(
        (p) =>
          p.metadata.namespace === d.metadata.namespace &&
          matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels),
      );
      expect(pdbs).toHaveLength(1);
      expect(d.spec.replicas).toBeGreaterThanOrEqual(envName === 'prod' ? 2 : 1);
    }
  });

  it('serves ingresses over HTTPS only', () => {
    expect(of('Ingress')).toHaveLength(2);
    for (const i of of('Ingress')) {
      expect(i.metadata.annotations?.['alb.ingress.kubernetes.io/ssl-redirect']).toBe('443');
      expect(i.spec.tls[0].hosts).toEqual([i.spec.rules[0].host]);
    }
  });

  it('claims gp3 for StatefulSets and gives each its headless Service', () => {
    for (const s of of('StatefulSet')) {
      expect(s.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('gp3');
      const svc = of('Service').find((x) => x.metadata.name === s.spec.serviceName);
      expect(svc?.spec.clusterIP).toBe('None');
    }
  });

  it('scales the worker on an authenticated aws-sqs-queue trigger', () => {
    const [so] = of('ScaledObject');
    expect(so.spec.triggers[0].type).toBe('aws-sqs-queue');
    const auth = so.spec.triggers[0].authenticationRef.name;
    expect(of('TriggerAuthentication').map((t) => t.metadata.name)).toContain(auth);
  });

  it('configures the CronJob with every scheduling safeguard', () => {
    const [cron] = of('CronJob');
    expect(cron.spec).toMatchObject({ concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300, timeZone: 'Etc/UTC' });
    expect(cron.spec.jobTemplate.spec).toMatchObject({ activeDeadlineSeconds: 3600, ttlSecondsAfterFinished: 86400 });
    expect(podSpecOf(cron).restartPolicy).toBe('Never');
  });

  it('gives every namespace a default-deny policy and a quota', () => {
    const namespaces = new Set(workloads.map((w) => w.metadata.namespace));
    for (const ns of namespaces) {
      const deny = of('NetworkPolicy').find((p) => p.metadata.namespace === ns && p.metadata.name === 'default-deny');
      expect(deny?.spec.podSelector).toEqual({});
      expect(of('ResourceQuota').some((q) => q.metadata.namespace === ns)).toBe(true);
    }
  });

  it('has ExternalSecrets, a kustomization per app, and Argo CD Applications only where a repository is set', () => {
    expect(of('ExternalSecret')).toHaveLength(5);
    const hasRepository = config.environments[envName].gitops.repoURL !== undefined;
    for (const app of config.environments[envName].apps) {
      expect(files.has(`${app.name}/kustomization.yaml`)).toBe(true);
      expect(files.has(`argocd/${app.name}.yaml`)).toBe(hasRepository);
    }
  });
});
