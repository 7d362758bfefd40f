import { z } from 'zod';
import { PROD_REQUIREMENTS } from '../../config/presets.js';
import { nothingToCheckAws } from '../support/coverage.js';
import { prodFloor } from '../support/env.js';
import { awsResult, count, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Fewest nodes the node groups keep together (sum of their minimum sizes). */
  minNodes: z.number().int().min(0),
});

interface Scaling {
  MinSize?: unknown;
  DesiredSize?: unknown;
  MaxSize?: unknown;
}

export default defineRule({
  meta: {
    id: 'infrastructure.node-autoscaling',
    title: 'Node groups can grow and keep a minimum',
    category: 'infrastructure',
    checklist: ['infrastructure.node-autoscaling'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A node group whose maximum equals its minimum cannot add capacity when traffic grows: new pods stay Pending.',
    verified:
      "Each managed node group has MaxSize above MinSize and DesiredSize between them, and the minimum sizes of all node groups add up to the environment's node floor (the node groups' configured minimums; at least 3 in production).",
    fix: 'Raise MaxSize above MinSize (nodes.groups[].max in slipway.config.yaml) and keep the sum of minimums at the floor.',
    equivalents: {},
    params,
    defaults: (env) => {
      const configured = env.nodes.groups.reduce((n, g) => n + g.min, 0);
      return {
        minNodes: prodFloor(env) ? Math.max(configured, PROD_REQUIREMENTS.minNodes) : configured,
      };
    },
    waivable: 'min-nodes',
    needs: { aws: ['AWS::EKS::Nodegroup'] },
  },
  check(inv, p) {
    const groups = inv.aws('AWS::EKS::Nodegroup');
    if (groups.length === 0) return nothingToCheckAws(inv, ['AWS::EKS::Nodegroup'], 'managed node groups');
    const out: RuleResult[] = [];
    let total = 0;
    let totalKnown = true;
    for (const ng of groups) {
      const s = (ng.properties.ScalingConfig ?? {}) as Scaling;
      const { MinSize: min, DesiredSize: desired, MaxSize: max } = s;
      if (typeof min !== 'number' || typeof max !== 'number') {
        totalKnown = false;
        out.push(
          awsResult('unknown', ng, 'ScalingConfig min/max are not plain numbers in the sources', ['ScalingConfig']),
        );
        continue;
      }
      total += min;
      if (max <= min) {
        out.push(
          awsResult('fail', ng, `MaxSize ${max} leaves no room above MinSize ${min}`, ['ScalingConfig', 'MaxSize']),
        );
      } else if (typeof desired === 'number' && (desired < min || desired > max)) {
        out.push(
          awsResult('fail', ng, `DesiredSize ${desired} lies outside ${min}–${max}`, ['ScalingConfig', 'DesiredSize']),
        );
      } else {
        out.push(awsResult('pass', ng, `scales from ${min} to ${max} nodes`, ['ScalingConfig']));
      }
    }
    if (totalKnown) {
      const subject = { awsType: 'AWS::EKS::Nodegroup', id: '*' };
      out.push(
        total >= p.minNodes
          ? result('pass', subject, `node groups keep at least ${count(total, 'node')}`)
          : result(
              'fail',
              subject,
              `node groups keep ${count(total, 'node')} at minimum; at least ${p.minNodes} required`,
            ),
      );
    }
    return out;
  },
});
