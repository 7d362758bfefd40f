import { UsageError } from '../../util/errors.js';
import { unreadParts } from '../common/unread.js';
import { unknownParts } from '../facts.js';
import { type OpsProblem, sortProblems } from '../problems.js';
import { coverageProblems, type VolumeCoverage, volumeCoverage } from './coverage.js';
import type { DrFacts } from './facts.js';
import { type Scenario, scenarios } from './scenarios.js';

export interface DrReport {
  readonly environment: string;
  readonly clusterName: string;
  readonly region: string;
  readonly backup: DrFacts['backup'];
  readonly plans: DrFacts['plans'];
  readonly coverage: readonly VolumeCoverage[];
  readonly counts: { readonly covered: number; readonly notCovered: number; readonly unknown: number };
  readonly problems: readonly OpsProblem[];
  readonly scenarios: readonly Scenario[];
  readonly unknown: Readonly<Record<string, string>>;
}

export interface DrParams {
  /** Oldest a volume's latest recovery point may be, in hours (the schedule's interval plus a margin). */
  readonly maxRecoveryPointAgeHours: number;
}

export const DR_DEFAULTS: DrParams = { maxRecoveryPointAgeHours: 26 };

/** Refuses an environment without scheduled backups, naming the setting and what dr needs. */
export function assertScheduledBackups(environment: string, backup: DrFacts['backup']): void {
  if (backup.enabled && backup.schedule === 'daily') return;
  const seen = backup.enabled ? `backup.schedule: ${backup.schedule}` : 'components.backup: false';
  throw new UsageError(
    `environment ${environment} has no scheduled backups (${seen}); dr needs components.backup: true and ` +
      `backup.schedule: daily in slipway.config.yaml (environments.${environment}), then slipway deploy --env ${environment}`,
  );
}

/**
 * Disaster recovery for one environment: every persistent volume against the
 * backup plans that cover it, and the restore scenarios with real names. An
 * environment without scheduled backups is refused: there is nothing to restore from.
 */
export function drReport(facts: DrFacts, p: DrParams = DR_DEFAULTS): DrReport {
  assertScheduledBackups(facts.environment, facts.backup);
  const coverage = volumeCoverage(facts);
  const vault =
    (facts.plans.state === 'read' ? facts.plans.value.find((x) => x.vault)?.vault : undefined) ??
    `${facts.clusterName}-ebs`;
  return {
    environment: facts.environment,
    clusterName: facts.clusterName,
    region: facts.region,
    backup: facts.backup,
    plans: facts.plans,
    coverage,
    counts: {
      covered: coverage.filter((c) => c.status === 'covered').length,
      notCovered: coverage.filter((c) => c.status === 'not covered').length,
      unknown: coverage.filter((c) => c.status === 'unknown').length,
    },
    problems: sortProblems(coverageProblems(coverage, p.maxRecoveryPointAgeHours)),
    scenarios: scenarios(facts, coverage, vault),
    unknown: { ...unknownParts({ plans: facts.plans, recovery: facts.recovery }), ...unreadParts(facts.unread ?? {}) },
  };
}
