import { z } from 'zod';
import { PROD_REQUIREMENTS } from '../../config/presets.js';
import type { Inventory } from '../../inventory/inventory.js';
import { knowsAwsType, knowsKind, nothingToCheckAws } from '../support/coverage.js';
import { prodFloor } from '../support/env.js';
import { cfnText } from '../support/iam.js';
import { awsResult, count, kubeSubject, listText, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Fewest nodes the node groups keep together (sum of their minimum sizes). */
  minNodes: z.number().int().min(0),
  /** Helm charts and Deployments (by name) that add nodes for Pending pods. */
  autoscalers: z.array(z.string().min(1)).min(1),
});
type Params = z.infer<typeof params>;

const HELM_CHART = 'Custom::AWSCDK-EKS-HelmChart';

/** What in the sources adds nodes when pods are Pending, or undefined when nothing does. */
function nodeAdder(inv: Inventory, p: Params): RuleResult | undefined {
  for (const c of inv.aws(HELM_CHART)) {
    const chart = (cfnText(c.properties.Chart) ?? '').split('/').pop() ?? '';
    if (p.autoscalers.includes(chart))
      return awsResult('pass', c, `the ${chart} chart adds nodes for Pending pods`, ['Chart']);
  }
  for (const cluster of inv.aws('AWS::EKS::Cluster')) {
    const compute = cluster.properties.ComputeConfig as { Enabled?: unknown } | undefined;
    if (compute?.Enabled === true) {
      return awsResult('pass', cluster, 'EKS Auto Mode adds nodes for Pending pods', ['ComputeConfig', 'Enabled']);
    }
  }
  for (const d of inv.kube('Deployment')) {
    const name = d.object.metadata.name;
    const match = p.autoscalers.find((a) => name === a || name.endsWith(`-${a}`) || name.startsWith(`${a}-`));
    if (match) return result('pass', kubeSubject(d), `the ${match} Deployment adds nodes for Pending pods`, d);
  }
  return undefined;
}

/** One result on whether anything adds nodes: node group min/max alone never does. */
function autoscalerResult(inv: Inventory, p: Params): RuleResult {
  const found = nodeAdder(inv, p);
  if (found) return found;
  const subject = { awsType: HELM_CHART, id: 'node-autoscaler' };
  const visible = knowsAwsType(inv, HELM_CHART) || knowsKind(inv, 'Deployment');
  return visible
    ? result(
        'fail',
        subject,
        `nothing adds nodes when pods are Pending: no ${listText(p.autoscalers)} chart or Deployment and no EKS Auto Mode in the sources`,
      )
    : result(
        'unknown',
        subject,
        'the sources show neither Helm charts nor Deployments, so no node autoscaler can be seen',
      );
}

interface Scaling {
  MinSize?: unknown;
  DesiredSize?: unknown;
  MaxSize?: unknown;
}

export default defineRule({
  meta: {
    id: 'infrastructure.node-autoscaling',
    title: 'Something adds nodes, and node groups can grow and keep a minimum',
    category: 'infrastructure',
    checklist: ['infrastructure.node-autoscaling'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Node group min/max alone never adds a node: without a node autoscaler (or with a maximum equal to the minimum) new pods stay Pending when traffic grows.',
    verified:
      "A node autoscaler is in the sources (a Cluster Autoscaler or Karpenter Helm chart or Deployment, or EKS Auto Mode on the cluster); each managed node group has MaxSize above MinSize and DesiredSize between them, and the minimum sizes of all node groups add up to the environment's node floor (the node groups' configured minimums; at least 3 in production).",
    fix: 'Keep nodes.autoscaler set (cluster-autoscaler by default, karpenter or auto-mode); raise MaxSize above MinSize (nodes.groups[].max in slipway.config.yaml) and keep the sum of minimums at the floor.',
    equivalents: {},
    params,
    defaults: (env) => {
      const configured = env.nodes.groups.reduce((n, g) => n + g.min, 0);
      return {
        minNodes: prodFloor(env) ? Math.max(configured, PROD_REQUIREMENTS.minNodes) : configured,
        autoscalers: ['cluster-autoscaler', 'karpenter'],
      };
    },
    waivable: 'min-nodes',
    needs: { kube: ['Deployment'], aws: ['AWS::EKS::Nodegroup', 'AWS::EKS::Cluster', HELM_CHART] },
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
    out.push(autoscalerResult(inv, p));
    return out;
  },
});
