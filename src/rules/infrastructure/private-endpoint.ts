import { z } from 'zod';
import { checkAwsResources } from '../support/aws-checks.js';
import { textList } from '../support/iam.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** Whether the API endpoint may be public at all (cluster.endpointAccess publicAndPrivate). */
  allowPublic: z.boolean(),
  /** CIDRs that mean "the whole internet". */
  openCidrs: z.array(z.string()).min(1),
});

interface VpcConfig {
  EndpointPublicAccess?: unknown;
  EndpointPrivateAccess?: unknown;
  PublicAccessCidrs?: unknown;
}

export default defineRule({
  meta: {
    id: 'infrastructure.private-endpoint',
    title: 'The cluster API endpoint is private or limited to known addresses',
    category: 'infrastructure',
    checklist: ['infrastructure.private-subnets'],
    severity: { test: 'medium', prod: 'high' },
    why: 'An API server open to the internet is one stolen credential or one API server vulnerability away from the whole cluster.',
    verified:
      'Each AWS::EKS::Cluster has EndpointPublicAccess false, or (when cluster.endpointAccess allows it) PublicAccessCidrs that do not include 0.0.0.0/0. A missing EndpointPublicAccess means public, and a missing or empty PublicAccessCidrs means 0.0.0.0/0, as in EKS.',
    fix: 'Keep cluster.endpointAccess: private and reach the cluster through a VPN or bastion; if public access is needed, list the office CIDRs in cluster.publicAccessCidrs.',
    equivalents: { checkov: ['CKV_AWS_39', 'CKV_AWS_38'] },
    params,
    defaults: (env) => ({ allowPublic: env.cluster.endpointAccess === 'publicAndPrivate', openCidrs: ['0.0.0.0/0'] }),
    needs: { aws: ['AWS::EKS::Cluster'] },
  },
  check: (inv, p) =>
    checkAwsResources(inv, 'AWS::EKS::Cluster', 'EKS clusters', (c) => {
      const vpc = (c.properties.ResourcesVpcConfig ?? {}) as VpcConfig;
      const path = ['ResourcesVpcConfig'];
      const isPublic = vpc.EndpointPublicAccess !== false && vpc.EndpointPublicAccess !== 'false';
      if (!isPublic) return awsResult('pass', c, 'the API endpoint is private', [...path, 'EndpointPublicAccess']);
      const listed = vpc.PublicAccessCidrs === undefined ? [] : textList(vpc.PublicAccessCidrs);
      // No list (or an empty one) is EKS's default: the whole internet.
      const cidrs = listed.length > 0 ? listed : p.openCidrs;
      const open = cidrs.some((x) => p.openCidrs.includes(x));
      if (!p.allowPublic) {
        return awsResult('fail', c, 'the API endpoint is public; this environment asks for a private endpoint', path);
      }
      if (open) {
        const seen = listed.length > 0 ? `PublicAccessCidrs ${listed.join(', ')}` : 'no PublicAccessCidrs';
        return awsResult('fail', c, `the public API endpoint accepts the whole internet (${seen})`, path);
      }
      return awsResult('pass', c, `the public API endpoint is limited to ${cidrs.join(', ')}`, path);
    }),
});
