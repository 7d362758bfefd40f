import { z } from 'zod';
import type { Workload } from '../../inventory/workloads.js';
import type { ValuePath } from '../../util/paths.js';
import { nothingToCheck } from '../support/coverage.js';
import { listText, workloadResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** concurrencyPolicy values that prevent overlapping runs. */
  concurrencyPolicies: z.array(z.enum(['Forbid', 'Replace', 'Allow'])).min(1),
  /** Pod restart policies a Job may use. */
  restartPolicies: z.array(z.enum(['Never', 'OnFailure'])).min(1),
});

interface JobSpec {
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  backoffLimit?: number;
  template?: { spec?: { restartPolicy?: string } };
}
interface CronSpec {
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  jobTemplate?: { spec?: JobSpec };
}

/** Missing Job settings, with the path of each (relative to the object). */
function jobProblems(job: JobSpec | undefined, base: ValuePath, restart: readonly string[]): [string, ValuePath][] {
  const out: [string, ValuePath][] = [];
  if (typeof job?.activeDeadlineSeconds !== 'number') out.push(['activeDeadlineSeconds (kills hung runs)', base]);
  if (typeof job?.ttlSecondsAfterFinished !== 'number')
    out.push(['ttlSecondsAfterFinished (cleans up finished Jobs)', base]);
  if (typeof job?.backoffLimit !== 'number') out.push(['backoffLimit (bounds retries)', base]);
  const policy = job?.template?.spec?.restartPolicy;
  if (!policy || !restart.includes(policy)) {
    out.push([`restartPolicy ${listText([...restart])} (saw ${policy ?? 'none'})`, [...base, 'template', 'spec']]);
  }
  return out;
}

function report(w: Workload, problems: [string, ValuePath][], good: string): RuleResult {
  if (problems.length === 0) return workloadResult('pass', w, good);
  return workloadResult('fail', w, `missing or wrong: ${problems.map((x) => x[0]).join('; ')}`, problems[0][1]);
}

export default defineRule({
  meta: {
    id: 'workloads.cronjob-settings',
    title: 'CronJobs and Jobs cannot overlap, hang or pile up',
    category: 'workloads',
    checklist: [],
    severity: { test: 'low', prod: 'medium' },
    why: 'Without these settings a slow run overlaps the next one, a missed schedule fires at a surprising time, a hung run never ends and finished Jobs pile up.',
    verified:
      'Each CronJob sets concurrencyPolicy Forbid and startingDeadlineSeconds, and its job template (like every standalone Job) sets activeDeadlineSeconds, ttlSecondsAfterFinished, backoffLimit and restartPolicy Never or OnFailure.',
    fix: 'Set the fields as in the cron pattern (the cron app generator sets all of them from `schedule`, `deadlineSeconds` and friends).',
    equivalents: {},
    params,
    defaults: (): z.infer<typeof params> => ({
      concurrencyPolicies: ['Forbid'],
      restartPolicies: ['Never', 'OnFailure'],
    }),
    needs: { kube: ['CronJob', 'Job'] },
  },
  check(inv, p) {
    const crons = inv.workloads({ kinds: ['CronJob'] });
    const jobs = inv.workloads({ kinds: ['Job'] });
    if (crons.length + jobs.length === 0) return nothingToCheck(inv, ['CronJob'], 'CronJobs or Jobs');
    const out: RuleResult[] = [];
    for (const w of crons) {
      const spec = (w.resource.object.spec ?? {}) as CronSpec;
      const problems: [string, ValuePath][] = [];
      const policy = spec.concurrencyPolicy ?? 'Allow';
      if (!(p.concurrencyPolicies as string[]).includes(policy)) {
        problems.push([
          `concurrencyPolicy ${p.concurrencyPolicies.join(' or ')} (saw ${policy})`,
          spec.concurrencyPolicy ? ['spec', 'concurrencyPolicy'] : ['spec'],
        ]);
      }
      if (typeof spec.startingDeadlineSeconds !== 'number') {
        problems.push(['startingDeadlineSeconds (bounds late starts)', ['spec']]);
      }
      problems.push(...jobProblems(spec.jobTemplate?.spec, ['spec', 'jobTemplate', 'spec'], p.restartPolicies));
      out.push(report(w, problems, 'no overlap, bounded runtime, retries and cleanup'));
    }
    for (const w of jobs) {
      out.push(
        report(
          w,
          jobProblems(w.resource.object.spec as JobSpec, ['spec'], p.restartPolicies),
          'bounded runtime, retries and cleanup',
        ),
      );
    }
    return out;
  },
});
