import type { FailOn } from '../config/schema/verify.js';
import type { EnvironmentConfig } from '../config/types.js';
import { REPORT_SCHEMA_VERSION, type ReportTarget, type VerifyReport } from '../rules/engine/types.js';

/** A cluster's report with its target set and every finding located in that context and cluster. */
export function targetedReport(report: VerifyReport, target: ReportTarget): VerifyReport {
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ...f,
      location: { ...f.location, context: target.context, cluster: target.cluster },
    })),
    target,
  };
}

/**
 * The report of a cluster that could not be read (unreachable, credentials
 * refused, an AWS or Kubernetes read that failed): no verdicts, result
 * `error`, and the reason.
 */
export function errorReport(
  env: EnvironmentConfig,
  target: ReportTarget,
  error: string,
  options: { failOn?: FailOn; thresholds?: 'config' | 'default-prod-preset' },
): VerifyReport {
  const zero = { pass: 0, fail: 0, warn: 0, unknown: 0, skip: 0 };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    environment: {
      name: env.name,
      preset: env.preset,
      cluster: env.clusterName,
      thresholds: options.thresholds ?? 'config',
    },
    summary: {
      result: 'error',
      failOn: options.failOn ?? env.verify?.failOn ?? 'high',
      checklist: { proved: 0, failed: 0, warned: 0, unknown: 0, notApplicable: 0 },
      evidence: 0,
      waived: 0,
      counts: zero,
      suppressed: 0,
      score: { overall: null, categories: {} },
      rulesRun: 0,
      inputs: { kubeObjects: 0, awsResources: 0, problems: 0 },
      mode: 'live',
      notes: [],
    },
    checklist: [],
    findings: [],
    waivers: [],
    rules: [],
    target,
    error,
  };
}
