import type { z } from 'zod';
import type { environmentSettingsShape } from './schema/environment.js';

type SettingsInput = z.input<z.ZodObject<typeof environmentSettingsShape>>;

/** Preset names an environment may start from. */
export const PRESET_NAMES = ['test', 'prod'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Settings shared by both presets. Region, Kubernetes version and network range
 * are the same code path in test and prod; only the values below the presets differ.
 */
const common = {
  region: 'us-east-1',
  kubernetesVersion: '1.35',
  cluster: {
    endpointAccess: 'private',
    publicAccessCidrs: [],
    admins: [],
    controlPlaneLogging: ['api', 'audit', 'authenticator'],
    irsa: false,
    terminationProtection: false,
    removalPolicy: 'destroy',
    destroyNeedsForce: false,
  },
  secrets: {},
  components: {
    registry: true,
    ingress: true,
    storage: true,
    identity: true,
    secrets: true,
    observability: true,
    backup: true,
  },
  addons: { metricsServer: true, keda: true, argocd: false },
} satisfies Partial<SettingsInput>;

/**
 * The test-vs-production table as data. Test: two nodes minimum, smaller
 * instances and mostly spot, 7-day logs, optional alarms, manual backups.
 * Production: three or more on-demand nodes across three zones plus spot,
 * 30–90 day logs, required alarms, daily backups.
 */
export const PRESETS: Record<PresetName, SettingsInput> = {
  test: {
    ...common,
    network: { vpcCidr: '10.0.0.0/16', azCount: 2, natGateways: 'single', vpcEndpoints: true },
    nodes: {
      groups: [
        { name: 'on-demand', capacity: 'onDemand', instanceTypes: ['t3.medium'], min: 1, desired: 1, max: 2 },
        {
          name: 'spot',
          capacity: 'spot',
          instanceTypes: ['t3.medium', 't3a.medium', 't3.large'],
          min: 1,
          desired: 1,
          max: 4,
        },
      ],
    },
    logs: { retentionDays: 7, removalPolicy: 'destroy' },
    alarms: {
      enabled: false,
      cpuPercent: 80,
      memoryPercent: 80,
      podRestarts: 5,
      target5xx: { count: 25, periodMinutes: 5, evaluationPeriods: 3 },
    },
    backup: { schedule: 'manual', retentionDays: 7, removalPolicy: 'destroy' },
    registry: {
      repositories: [],
      immutableTags: false,
      keepLastImages: 10,
      untaggedExpiryDays: 1,
      replicationRegions: [],
      removalPolicy: 'destroy',
    },
    workloads: { minReplicas: 1, maxVolumeGi: 50, terminationGraceSeconds: 30, volumeReclaimPolicy: 'Delete' },
    gitops: { requireRepository: false },
  },
  prod: {
    ...common,
    cluster: { ...common.cluster, terminationProtection: true, removalPolicy: 'retain', destroyNeedsForce: true },
    network: { vpcCidr: '10.0.0.0/16', azCount: 3, natGateways: 'perAz', vpcEndpoints: true },
    nodes: {
      groups: [
        {
          name: 'on-demand',
          capacity: 'onDemand',
          instanceTypes: ['m6i.large', 'm5.large'],
          min: 3,
          desired: 3,
          max: 6,
        },
        {
          name: 'spot',
          capacity: 'spot',
          instanceTypes: ['m6i.large', 'm5.large', 'm5a.large', 'm6a.large'],
          min: 0,
          desired: 2,
          max: 10,
        },
      ],
    },
    logs: { retentionDays: 30, removalPolicy: 'retain' },
    alarms: {
      enabled: true,
      cpuPercent: 80,
      memoryPercent: 80,
      podRestarts: 3,
      target5xx: { count: 5, periodMinutes: 5, evaluationPeriods: 2 },
    },
    backup: { schedule: 'daily', retentionDays: 14, removalPolicy: 'retain' },
    registry: {
      repositories: [],
      immutableTags: true,
      keepLastImages: 30,
      untaggedExpiryDays: 7,
      replicationRegions: [],
      removalPolicy: 'retain',
    },
    workloads: { minReplicas: 2, maxVolumeGi: 200, terminationGraceSeconds: 60, volumeReclaimPolicy: 'Retain' },
    gitops: { requireRepository: true },
  },
};

/** The production floor a prod-preset environment must meet unless a waiver says why not. */
export const PROD_REQUIREMENTS = {
  minAvailabilityZones: 3,
  minNodes: 3,
  logRetentionDays: { min: 30, max: 90 },
  /** Public endpoint CIDRs that mean "everyone". */
  openCidrs: ['0.0.0.0/0'] as readonly string[],
} as const;

/**
 * Waivers for an environment built only to read thresholds from (rule docs,
 * verify of files without a config): it is never deployed, so nobody needs paging.
 */
export const THRESHOLDS_ONLY_WAIVERS = [
  { check: 'alarm-recipient', reason: 'thresholds only: this environment is never deployed' },
] as const;

/** Account used for offline synthesis when the config names none (no lookup, no credentials); never deployed. */
export const PLACEHOLDER_ACCOUNT = '000000000000';
