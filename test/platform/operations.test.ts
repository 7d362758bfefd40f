import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIER_SECRET_STORE_SA, tierSecretStoreRoleArn } from '../../src/platform/tier-secret-store.js';
import { VERSION_LOCK } from '../../src/platform/versions.js';
import { associations, charts, dig, exampleEnv, resourcesOf, type Synthesized, synth, variantEnv } from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
beforeAll(async () => {
  [test, prod] = await Promise.all([synth(await exampleEnv('test')), synth(await exampleEnv('prod'))]);
});

describe('observability', () => {
  it('installs the CloudWatch Observability add-on with the agent role through Pod Identity', () => {
    prod.template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'amazon-cloudwatch-observability',
      AddonVersion: VERSION_LOCK['1.35'].addons['amazon-cloudwatch-observability'],
    });
    const agentRole = resourcesOf(prod.template, 'AWS::IAM::Role').find(([, r]) =>
      JSON.stringify(r.Properties?.ManagedPolicyArns ?? []).includes('CloudWatchAgentServerPolicy'),
    );
    expect(agentRole).toBeDefined();
  });

  it('gives every log group a retention: 7 days in test, the configured 60 in prod', () => {
    for (const [s, days] of [
      [test, 7],
      [prod, 60],
    ] as const) {
      const groups = resourcesOf(s.template, 'AWS::Logs::LogGroup');
      expect(groups.length).toBeGreaterThanOrEqual(6);
      for (const [, g] of groups) expect(g.Properties?.RetentionInDays).toBe(days);
      const names = groups.map(([, g]) => g.Properties?.LogGroupName);
      for (const t of ['application', 'dataplane', 'host', 'performance']) {
        expect(names).toContain(`/aws/containerinsights/${s.env.clusterName}/${t}`);
      }
    }
  });

  it('keeps prod log groups on stack deletion and removes test ones', () => {
    for (const [, g] of resourcesOf(prod.template, 'AWS::Logs::LogGroup')) {
      expect((g as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
    }
    for (const [, g] of resourcesOf(test.template, 'AWS::Logs::LogGroup')) {
      expect((g as { DeletionPolicy?: string }).DeletionPolicy).toBe('Delete');
    }
  });

  it('alarms in prod on node CPU and memory, failed nodes and restarts, to an encrypted topic with email', () => {
    const alarms = resourcesOf(prod.template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms.length).toBeGreaterThanOrEqual(4);
    const byMetric = new Map(alarms.map((a) => [dig(a, 'MetricName'), a]));
    expect(dig(byMetric.get('node_cpu_utilization'), 'Threshold')).toBe(80);
    expect(dig(byMetric.get('node_memory_utilization'), 'Threshold')).toBe(80);
    expect(dig(byMetric.get('cluster_failed_node_count'), 'Threshold')).toBe(1);
    expect(dig(byMetric.get('pod_number_of_container_restarts'), 'Threshold')).toBe(3);
    for (const a of alarms) expect((dig(a, 'AlarmActions') as unknown[]).length).toBe(1);
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@shop.example.com',
    });
    const [[, topic]] = resourcesOf(prod.template, 'AWS::SNS::Topic');
    expect(topic.Properties?.KmsMasterKeyId).toBeDefined();
    prod.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('counts error lines of the application log group and alarms on them in prod', () => {
    prod.template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: Match.anyValue(),
      FilterPattern: '?"ERROR" ?"FATAL" ?"panic"',
      MetricTransformations: [
        Match.objectLike({
          MetricName: 'ApplicationErrorLines',
          MetricNamespace: 'Slipway/shop-prod',
          MetricValue: '1',
        }),
      ],
    });
    const [[, filter]] = resourcesOf(prod.template, 'AWS::Logs::MetricFilter');
    const [[groupId]] = resourcesOf(prod.template, 'AWS::Logs::LogGroup').filter(
      ([, g]) => g.Properties?.LogGroupName === '/aws/containerinsights/shop-prod/application',
    );
    expect(dig(filter.Properties, 'LogGroupName')).toEqual({ Ref: groupId });
    prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApplicationErrorLines',
      Namespace: 'Slipway/shop-prod',
      Threshold: 20,
    });
  });

  it('has no alarms in test (optional there) but still a dashboard', () => {
    test.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    test.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('stack', () => {
  it('turns on termination protection where the config asks (the prod preset), and leaves test deletable', () => {
    expect(prod.stack.terminationProtection).toBe(true);
    expect(test.stack.terminationProtection).toBe(false);
  });
});

describe('backup', () => {
  it('backs up tagged EBS volumes daily in prod, keeping them for the retention', () => {
    prod.template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          {
            RuleName: 'daily',
            ScheduleExpression: 'cron(0 3 * * ? *)',
            Lifecycle: { DeleteAfterDays: 14 },
          },
        ],
      },
    });
    prod.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        ListOfTags: [{ ConditionKey: 'slipway.io/backup', ConditionValue: 'shop-prod', ConditionType: 'STRINGEQUALS' }],
      },
    });
  });

  it('schedules nothing in test (manual backups)', () => {
    test.template.resourceCountIs('AWS::Backup::BackupPlan', 0);
    test.template.resourceCountIs('AWS::Backup::BackupVault', 0);
  });
});

describe('add-ons', () => {
  it('installs metrics-server and KEDA at locked versions, KEDA with a role limited to worker queues', () => {
    const c = charts(prod.template);
    expect(c.get('metrics-server')?.Version).toBe(VERSION_LOCK['1.35'].charts.metricsServer.version);
    expect(c.get('keda')?.Version).toBe(VERSION_LOCK['1.35'].charts.keda.version);
    expect(c.has('argo-cd')).toBe(false);
    const kedaRole = resourcesOf(prod.template, 'AWS::IAM::Role').find(([, r]) =>
      String(r.Properties?.Description).includes('keda/keda-operator'),
    );
    expect(JSON.stringify(kedaRole?.[1].Properties?.Policies)).toContain(
      'arn:aws:sqs:us-east-1:123456789012:shop-orders',
    );
  });

  it('adds Karpenter and Argo CD when switched on', async () => {
    const env = variantEnv('prod', (c) => {
      c.addons = { metricsServer: true, keda: false, argocd: true };
      c.nodes = { autoscaler: 'karpenter' };
    });
    const s = await synth(env);
    const c = charts(s.template);
    expect([...c.keys()].sort()).toEqual(
      [
        'argo-cd',
        'aws-load-balancer-controller',
        'external-secrets',
        'metrics-server',
        'oci://public.ecr.aws/karpenter/karpenter',
      ].sort(),
    );
    expect(associations(s.template)).toContain('kube-system/karpenter');
    s.template.hasResourceProperties('AWS::EKS::AccessEntry', { Type: 'EC2_LINUX' });
  });

  it('builds only the switched-on components', async () => {
    const env = variantEnv('test', (c) => {
      const envs = c.environments as Record<string, Record<string, unknown>>;
      envs.test.components = {
        registry: false,
        ingress: false,
        storage: true,
        identity: true,
        secrets: false,
        observability: false,
        backup: false,
      };
    });
    const s = await synth(env);
    s.template.resourceCountIs('AWS::ECR::Repository', 0);
    expect(charts(s.template).has('aws-load-balancer-controller')).toBe(false);
    expect(charts(s.template).has('external-secrets')).toBe(false);
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });
});

describe('apps (platform side)', () => {
  it('creates a Pod Identity role for each app with AWS access, in its namespace and ServiceAccount', () => {
    expect(associations(prod.template)).toEqual(
      expect.arrayContaining(['backend/api', 'workers/orders-worker', 'workers/daily-report']),
    );
    expect(associations(prod.template)).not.toContain('frontend/frontend');
    const apiRole = resourcesOf(prod.template, 'AWS::IAM::Role').find(([, r]) =>
      String(r.Properties?.Description).endsWith('backend/api'),
    );
    const policy = JSON.stringify(apiRole?.[1].Properties?.Policies);
    expect(policy).toContain('arn:aws:sqs:us-east-1:123456789012:shop-orders');
    expect(policy).toContain('arn:aws:s3:::shop-product-images');
  });

  it('gives each tier namespace with secrets a role limited to its apps secrets, assumable by the controller', () => {
    const ns = 'workers';
    expect(associations(prod.template)).toContain(`${ns}/${TIER_SECRET_STORE_SA}`);
    const role = resourcesOf(prod.template, 'AWS::IAM::Role').find(
      ([, r]) => r.Properties?.RoleName === tierSecretStoreRoleArn(prod.env, ns).split('/').pop(),
    );
    const resources = dig(role?.[1].Properties, 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Resource');
    expect(resources).toBe('arn:aws:secretsmanager:us-east-1:123456789012:secret:EKS/prod/api/database-??????');
    const trust = JSON.stringify(role?.[1].Properties?.AssumeRolePolicyDocument);
    expect(trust).toContain('SecretsControllerIdentityRole');
    expect(associations(prod.template)).not.toContain(`frontend/${TIER_SECRET_STORE_SA}`);
  });
});
