import { z } from 'zod';
import { defineConfig } from '../../../src/config/load.js';
import { THRESHOLDS_ONLY_WAIVERS } from '../../../src/config/presets.js';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { containerPath } from '../../../src/inventory/workloads.js';
import { defineRule, type Rule } from '../../../src/rules/types.js';

/** The environment verify uses when no config is found. */
export function prodEnv(extra: Record<string, unknown> = {}): EnvironmentConfig {
  return defineConfig({
    project: 'adhoc',
    environments: { prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS], ...extra } },
  } as Parameters<typeof defineConfig>[0]).environments.prod;
}

const base = {
  why: 'why it matters',
  verified: 'how it is verified',
  fix: 'how to fix it',
  equivalents: {},
  needs: { kube: ['Deployment'] },
};

/** Fails Deployments with fewer replicas than `min`; points at spec.replicas. */
export const replicasRule = defineRule({
  meta: {
    ...base,
    id: 'reliability.replicas',
    title: 'Enough replicas',
    category: 'reliability',
    checklist: ['reliability.replicas'],
    severity: { test: 'low', prod: 'high' },
    params: z.object({ min: z.number().int().min(1) }),
    defaults: () => ({ min: 2 }),
  },
  check(inv, p) {
    return inv.workloads({ kinds: ['Deployment'] }).map((w) => ({
      status: (w.replicas ?? 1) >= p.min ? 'pass' : 'fail',
      subject: { kind: w.kind, namespace: w.namespace, name: w.name },
      message: `runs ${w.replicas} replicas; needs ${p.min}`,
      resource: w.resource,
      path: ['spec', 'replicas'],
    }));
  },
});

/** Warns for each container without a readiness probe; points at the container. */
export const probesRule = defineRule({
  meta: {
    ...base,
    id: 'reliability.readiness-probe',
    title: 'Readiness probes',
    category: 'reliability',
    checklist: ['reliability.probes'],
    severity: { test: 'low', prod: 'medium' },
    params: z.object({}),
    defaults: () => ({}),
  },
  check(inv) {
    return inv.workloads().flatMap((w) =>
      (w.template.spec?.containers ?? []).map((c, i) => ({
        status: c.readinessProbe ? 'pass' : 'fail',
        subject: { kind: w.kind, namespace: w.namespace, name: w.name, container: c.name },
        message: `container ${c.name} has no readiness probe`,
        resource: w.resource,
        path: containerPath(w, i),
      })),
    );
  },
});

/** Always throws. */
export const brokenRule = defineRule({
  meta: {
    ...base,
    id: 'observability.broken',
    title: 'Broken',
    category: 'observability',
    checklist: ['observability.alarms'],
    severity: { test: 'low', prod: 'high' },
    params: z.object({}),
    defaults: () => ({}),
  },
  check() {
    throw new Error('boom');
  },
});

/** Says unknown: it cannot see AWS. */
export const unknownRule = defineRule({
  meta: {
    ...base,
    id: 'infrastructure.multi-az-nodes',
    title: 'Multi-AZ',
    category: 'infrastructure',
    checklist: ['infrastructure.multi-az-nodes'],
    severity: { test: 'medium', prod: 'critical' },
    params: z.object({}),
    defaults: () => ({}),
  },
  check() {
    return [{ status: 'unknown', subject: { awsType: 'AWS::EKS::Nodegroup', id: '*' }, message: 'no template read' }];
  },
});

export const TEST_RULES: readonly Rule[] = [replicasRule, probesRule, unknownRule] as Rule[];
