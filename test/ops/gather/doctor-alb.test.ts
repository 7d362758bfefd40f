import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive } from '../../../src/live/connect.js';
import { doctor } from '../../../src/ops/doctor/doctor.js';
import { gatherDoctor } from '../../../src/ops/doctor/gather.js';
import { isolateAwsEnv } from '../../support/aws-mocks.js';
import { type BadMorningAws, mockBadMorningAws, startBadMorningServer } from '../../support/bad-morning-live.js';
import type { FakeKubeServer } from '../../support/fake-kube-server.js';
import { badMorningKube } from '../../support/ops-fixtures.js';

const { now, cluster } = badMorningKube();
const checkout = { kind: 'Deployment', name: 'checkout', namespace: 'shop' } as const;
const SHOP_DNS = 'k8s-shop-3f9a1c2b7d-1234567890.eu-west-1.elb.amazonaws.com';
let server: FakeKubeServer;
let aws: BadMorningAws;

beforeEach(async () => {
  isolateAwsEnv();
  aws = mockBadMorningAws();
  server = await startBadMorningServer();
});
afterEach(async () => {
  aws.restore();
  await server.close();
});

async function diagnose(withAws = true) {
  const conn = await connectLive({
    kubeconfig: server.kubeconfigPath,
    aws: withAws ? { clients: aws.clients } : false,
  });
  const report = doctor(await gatherDoctor(conn, { target: checkout, cluster, now }));
  return { report, calls: conn.aws?.reader.calls ?? [] };
}

const albOf = (report: ReturnType<typeof doctor>) => report.chain.find((l) => l.step === 'ALB');

describe('doctor: the ALB of the Ingress and its target health', () => {
  it('finds the ALB by the controller stack tag of the Ingress group and names its unhealthy target', async () => {
    const { report, calls } = await diagnose();
    const alb = albOf(report);
    expect(alb?.state).toBe('problem');
    expect(alb?.detail).toBe('active, k8s-shop-checkout-6a7b8c9d0e 2 healthy/1 unhealthy');
    const problem = report.problems.find((p) => p.code === 'alb.unhealthy-targets');
    expect(problem?.severity).toBe('warning');
    expect(problem?.what).toBe('1 unhealthy target(s)');
    expect(problem?.cause).toContain('Target.ResponseCodeMismatch');
    expect(problem?.next).toContain('arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-lb-0/0');
    expect([...new Set(calls.filter((c) => c.startsWith('elasticloadbalancing:')))].sort()).toEqual([
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeTags',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeTargetHealth',
    ]);
    expect(report.unknown).toEqual({});
  });

  it('reports the ALB healthy when every target is healthy', async () => {
    aws.elb.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [{ Target: { Id: '10.0.1.10' }, TargetHealth: { State: 'healthy' } }],
    });
    const { report } = await diagnose();
    expect(albOf(report)).toMatchObject({
      state: 'ok',
      detail: 'active, k8s-shop-checkout-6a7b8c9d0e 1 healthy/0 unhealthy',
    });
    expect(report.problems.map((p) => p.code)).not.toContain('alb.unhealthy-targets');
  });

  it('skips a load balancer of the same stack name that another cluster tagged, and falls back to the hostname', async () => {
    aws.elb.on(DescribeLoadBalancersCommand).resolves({
      LoadBalancers: [
        { LoadBalancerArn: 'arn:other', DNSName: 'k8s-other.elb.amazonaws.com', State: { Code: 'active' } },
        { LoadBalancerArn: 'arn:untagged', DNSName: SHOP_DNS, State: { Code: 'provisioning' } },
      ],
    });
    aws.elb.on(DescribeTagsCommand).resolves({
      TagDescriptions: [
        {
          ResourceArn: 'arn:other',
          Tags: [
            { Key: 'elbv2.k8s.aws/cluster', Value: 'some-other-cluster' },
            { Key: 'ingress.k8s.aws/stack', Value: 'prod' },
          ],
        },
      ],
    });
    const { report } = await diagnose();
    const alb = albOf(report);
    expect(alb?.object?.name).toBe(SHOP_DNS);
    expect(alb?.state).toBe('problem');
    const problem = report.problems.find((p) => p.code === 'alb.unhealthy-targets');
    expect(problem).toMatchObject({ severity: 'critical', what: 'load balancer is provisioning' });
  });

  it('says no ALB was found when neither the stack tag nor the hostname matches', async () => {
    aws.elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
    const { report } = await diagnose();
    expect(albOf(report)).toMatchObject({
      state: 'unknown',
      reason: `no load balancer tagged ingress.k8s.aws/stack=prod or with this DNS name was described`,
    });
  });

  it('marks the ALB unknown with the IAM action when ELB access is denied, and without AWS', async () => {
    aws.elb
      .on(DescribeLoadBalancersCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }));
    const denied = await diagnose();
    expect(albOf(denied.report)).toMatchObject({ state: 'unknown' });
    expect(albOf(denied.report)?.reason).toMatch(/AWS denied elasticloadbalancing:DescribeLoadBalancers/);
    expect(denied.report.problems.map((p) => p.code)).not.toContain('alb.unhealthy-targets');
    const offline = await diagnose(false);
    expect(albOf(offline.report)?.reason).toBe('AWS was not read (--no-aws)');
  });
});
