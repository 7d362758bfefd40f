import { z } from 'zod';
import { checkAwsResources } from '../support/aws-checks.js';
import { nodegroupSubnets, subnetExposure } from '../support/network.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Allow node groups in public subnets (never in production). */
  allowPublic: z.boolean(),
});

export default defineRule({
  meta: {
    id: 'infrastructure.private-subnets',
    title: 'Nodes run in private subnets',
    category: 'infrastructure',
    checklist: ['infrastructure.private-subnets'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Nodes with public addresses can be reached from the internet; private nodes reach out through NAT and are only reached through the load balancer.',
    verified:
      'Every subnet of every managed node group has no route to an internet gateway, does not map public IPs on launch, and is not tagged as a public CDK subnet.',
    fix: "Place node groups in the VPC's private subnets (subnetType PRIVATE_WITH_EGRESS); only load balancers belong in public subnets.",
    equivalents: {},
    params,
    defaults: () => ({ allowPublic: false }),
    needs: {
      aws: ['AWS::EKS::Nodegroup', 'AWS::EC2::Subnet', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation'],
    },
  },
  check: (inv, p) =>
    checkAwsResources(inv, 'AWS::EKS::Nodegroup', 'managed node groups', (ng) => {
      const subnets = nodegroupSubnets(inv, ng);
      if (subnets.length === 0 || subnets.some((s) => !s.subnet)) {
        return awsResult('unknown', ng, 'its subnets are not in the sources', ['Subnets']);
      }
      const exposed = subnets
        .map((s, i) => ({ i, id: s.subnet?.id ?? '?', e: s.subnet ? subnetExposure(inv, s.subnet) : undefined }))
        .filter((x) => x.e?.public);
      if (exposed.length === 0) return awsResult('pass', ng, `all ${subnets.length} subnets are private`, ['Subnets']);
      return awsResult(
        p.allowPublic ? 'warn' : 'fail',
        ng,
        `subnet ${exposed[0].id} is public (${exposed[0].e?.reason})${exposed.length > 1 ? ` and ${exposed.length - 1} more` : ''}`,
        ['Subnets', exposed[0].i],
      );
    }),
});
