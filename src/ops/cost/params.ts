import { z } from 'zod';
import type { EnvironmentConfig } from '../../config/types.js';

/** The thresholds of the cost report; every value comes from here, never from a literal in the analysis. */
export const costParamsSchema = z.strictObject({
  /** Headroom added to observed CPU (p95 or sample) for the recommended request: 0.2 is 20%. */
  cpuHeadroom: z.number().min(0).max(10),
  /** Headroom added to observed memory (max or sample). */
  memoryHeadroom: z.number().min(0).max(10),
  /** No CPU request is recommended below this, in millicores. */
  cpuFloorMillis: z.number().int().min(1),
  /** No memory request is recommended below this, in bytes. */
  memoryFloorBytes: z.number().int().min(1),
  /** Recommended CPU limit as a multiple of the recommended request. */
  cpuLimitFactor: z.number().min(1),
  /** Recommended memory limit as a multiple of the recommended request. */
  memoryLimitFactor: z.number().min(1),
  /** A request above usage × (1 + this) names the workload as over-requested. */
  overRequestThreshold: z.number().min(0),
  /** Share of an instance's price attributed to its vCPUs (the rest to its memory). */
  cpuShareOfPrice: z.number().gt(0).lt(1),
  /** Share of a node's capacity kept for the system (kubelet, OS, DaemonSets) when allocatable is not read. */
  systemReservedFraction: z.number().min(0).lt(1),
  /** Requests a node group should fill before it counts as over-provisioned. */
  targetUtilization: z.number().gt(0).max(1),
  /** The environment's longest log retention (logs.retentionDays). */
  maxLogRetentionDays: z.number().int().min(1),
  /** Snapshots older than this are past retention (backup.retentionDays). */
  snapshotRetentionDays: z.number().int().min(1),
  /** Claims larger than this may be oversized (workloads.maxVolumeGi). */
  maxVolumeGi: z.number().int().min(1),
  /** Headroom above used bytes for a resized volume. */
  volumeHeadroom: z.number().min(0).max(10),
});

export type CostParams = z.infer<typeof costParamsSchema>;

/** The environment's thresholds: production keeps more headroom and higher floors. */
export function costDefaults(env: EnvironmentConfig): CostParams {
  const prod = env.preset === 'prod';
  return {
    cpuHeadroom: prod ? 0.3 : 0.2,
    memoryHeadroom: prod ? 0.3 : 0.2,
    cpuFloorMillis: prod ? 50 : 10,
    memoryFloorBytes: (prod ? 64 : 32) * 2 ** 20,
    cpuLimitFactor: 2,
    memoryLimitFactor: 1,
    overRequestThreshold: 0.5,
    cpuShareOfPrice: 0.5,
    systemReservedFraction: 0.1,
    targetUtilization: prod ? 0.7 : 0.8,
    maxLogRetentionDays: env.logs.retentionDays,
    snapshotRetentionDays: env.backup.retentionDays,
    maxVolumeGi: env.workloads.maxVolumeGi,
    volumeHeadroom: 0.3,
  };
}
