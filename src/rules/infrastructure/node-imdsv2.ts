import { z } from 'zod';
import { checkNodeLaunchTemplates } from '../support/launch-templates.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Most instance metadata hops allowed; 1 keeps the node role away from pods. */
  maxHopLimit: z.number().int().min(1).max(64),
});

export default defineRule({
  meta: {
    id: 'infrastructure.node-imdsv2',
    title: 'Nodes require IMDSv2 with a hop limit of 1',
    category: 'infrastructure',
    checklist: ['security.pod-identity'],
    severity: { test: 'medium', prod: 'high' },
    why: "With IMDSv1 or a hop limit above 1, any pod can read the node role's credentials from the instance metadata service and act with the node's AWS permissions, bypassing Pod Identity.",
    verified:
      "Every AWS::EKS::Nodegroup uses an AWS::EC2::LaunchTemplate whose MetadataOptions set HttpTokens to required and HttpPutResponseHopLimit at most the limit (1); a group without a launch template runs EKS's default one (tokens optional, hop limit 2) and fails.",
    fix: 'Give each managed node group a launch template with MetadataOptions { HttpTokens: required, HttpPutResponseHopLimit: 1 } (the platform does); pods get AWS access through Pod Identity.',
    equivalents: { checkov: ['CKV_AWS_79', 'CKV_AWS_341'] },
    params,
    defaults: () => ({ maxHopLimit: 1 }),
    needs: { aws: ['AWS::EKS::Nodegroup', 'AWS::EC2::LaunchTemplate'] },
  },
  check(inv, p) {
    return checkNodeLaunchTemplates(inv, (ng, launch) => {
      if (launch.kind === 'none') {
        return awsResult('fail', ng, "no launch template: EKS's default leaves IMDSv1 on with a hop limit of 2", [
          'LaunchTemplate',
        ]);
      }
      const md = (launch.data.MetadataOptions ?? {}) as { HttpTokens?: unknown; HttpPutResponseHopLimit?: unknown };
      const path = ['LaunchTemplateData', 'MetadataOptions'];
      const t = launch.template;
      if (md.HttpTokens !== 'required') {
        return awsResult(
          'fail',
          t,
          `HttpTokens is ${JSON.stringify(md.HttpTokens ?? 'unset (optional)')}; expected "required"`,
          [...path, 'HttpTokens'],
        );
      }
      const hops = md.HttpPutResponseHopLimit;
      if (hops === undefined) {
        return awsResult(
          'fail',
          t,
          `HttpPutResponseHopLimit is unset (EC2 default 1, EKS AMIs 2); expected at most ${p.maxHopLimit}`,
          [...path],
        );
      }
      if (typeof hops !== 'number') {
        return awsResult('unknown', t, 'HttpPutResponseHopLimit is not a plain number in the sources', [
          ...path,
          'HttpPutResponseHopLimit',
        ]);
      }
      return hops <= p.maxHopLimit
        ? awsResult('pass', t, `IMDSv2 required with a hop limit of ${hops}`, path)
        : awsResult('fail', t, `hop limit ${hops} lets pods reach the node role; expected at most ${p.maxHopLimit}`, [
            ...path,
            'HttpPutResponseHopLimit',
          ]);
    });
  },
});
