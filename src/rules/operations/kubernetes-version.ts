import { z } from 'zod';
import type { AwsResource } from '../../inventory/types.js';
import { checkAwsResources } from '../support/aws-checks.js';
import { eksVersion, minorOf, nextEksVersion } from '../support/eks-versions.js';
import { cfnText } from '../support/iam.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** The day to judge support on (YYYY-MM-DD); the current date when unset (tests fix it). */
  today: z.iso.date().optional(),
  /** Warn this many days before standard support ends. */
  warnDays: z.number().int().min(0),
  /** The version the configuration asks for (kubernetesVersion). */
  expected: z.string().regex(/^1\.\d+$/),
});

const DAY_MS = 24 * 60 * 60 * 1000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function versionOf(cluster: AwsResource): string | undefined {
  const live = cluster.live?.version;
  return typeof live === 'string' ? live : cfnText(cluster.properties.Version);
}

export default defineRule({
  meta: {
    id: 'operations.kubernetes-version',
    title: 'The Kubernetes version is in standard support and has a known next version',
    category: 'operations',
    checklist: ['operations.upgrade-plan'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A version past standard support costs more per hour and stops receiving patches at the end of extended support, when EKS upgrades it for you.',
    verified:
      "The EKS cluster's Version is in the support table (src/rules/support/eks-versions.ts): past extended support fails, past standard support or within the warning window of its end is a warning, and the next minor must be released (a known upgrade target). A cluster on another version than kubernetesVersion in the config is a warning.",
    fix: 'Plan the upgrade: control plane first, then add-ons, then node groups; raise kubernetesVersion in slipway.config.yaml one minor at a time.',
    equivalents: {},
    params,
    defaults: (env) => ({
      warnDays: 90,
      expected: env.kubernetesVersion,
    }),
    needs: { aws: ['AWS::EKS::Cluster'] },
  },
  check(inv, p) {
    const today = p.today ?? new Date().toISOString().slice(0, 10);
    return checkAwsResources(inv, 'AWS::EKS::Cluster', 'EKS clusters', (c) => {
      const raw = versionOf(c);
      const minor = raw ? minorOf(raw) : undefined;
      if (!minor) return awsResult('unknown', c, 'the cluster version is not set in the sources', ['Version']);
      const info = eksVersion(minor);
      if (!info?.standardEnd || !info.extendedEnd) {
        return awsResult('warn', c, `version ${minor} has no support dates in the table; update eks-versions.ts`, [
          'Version',
        ]);
      }
      const next = nextEksVersion(minor);
      const toStandard = daysBetween(today, info.standardEnd);
      const nextText = next ? `upgrade to ${next.minor}` : 'no newer minor is known yet';
      if (daysBetween(today, info.extendedEnd) < 0) {
        return awsResult('fail', c, `version ${minor} left extended support on ${info.extendedEnd}; ${nextText}`, [
          'Version',
        ]);
      }
      if (toStandard < 0) {
        return awsResult(
          'warn',
          c,
          `version ${minor} is in paid extended support since ${info.standardEnd} (ends ${info.extendedEnd}); ${nextText}`,
          ['Version'],
        );
      }
      if (toStandard <= p.warnDays) {
        return awsResult(
          'warn',
          c,
          `standard support for ${minor} ends in ${toStandard} days (${info.standardEnd}); ${nextText}`,
          ['Version'],
        );
      }
      if (minor !== p.expected) {
        return awsResult('warn', c, `runs ${minor} but the configuration asks for ${p.expected}`, ['Version']);
      }
      return awsResult(
        'pass',
        c,
        `version ${minor} is in standard support until ${info.standardEnd}; ${next ? `next: ${next.minor}` : 'the newest known minor'}`,
        ['Version'],
      );
    });
  },
});
