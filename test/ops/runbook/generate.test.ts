import { describe, expect, it } from 'vitest';
import { generateRunbooks } from '../../../src/ops/runbook/generate.js';
import { staticRunbookFacts } from '../../../src/ops/runbook/static-facts.js';
import { aws, cronJob, deployment, ENVS, inventory } from '../../rules/helpers.js';

const env = ENVS.prod;

function build() {
  const inv = inventory({
    kube: [
      deployment({ namespace: 'shop' }),
      cronJob({ namespace: 'shop' }),
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'api-db', namespace: 'shop' },
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { kind: 'SecretStore', name: 'shop-secrets' },
          target: { name: 'api-db' },
          data: [{ secretKey: 'url', remoteRef: { key: 'EKS/prod/api/db' } }],
        },
      },
    ],
    aws: [
      aws('AWS::CloudWatch::Alarm', 'NodeCpu', {
        AlarmName: `${env.clusterName}-node-cpu`,
        AlarmDescription: 'Node CPU at or above 80% for 10 minutes',
        MetricName: 'node_cpu_utilization',
        Threshold: 80,
      }),
      aws('AWS::Logs::LogGroup', 'App', {
        LogGroupName: `/aws/containerinsights/${env.clusterName}/application`,
        RetentionInDays: 30,
      }),
    ],
  });
  return generateRunbooks(staticRunbookFacts({ ...env, kubernetesVersion: '1.34' }, inv));
}

describe('runbook generation', () => {
  const files = build();
  const page = (path: string) => files.find((f) => f.path === path)?.content ?? '';

  it('writes the fixed pages and one page per workload, sorted by path', () => {
    expect(files.map((f) => f.path)).toEqual([
      'alarms.md',
      'apps/shop-api.md',
      'apps/shop-report.md',
      'cluster-health.md',
      'logs.md',
      'nodes.md',
      'README.md',
      'restore.md',
      'secrets.md',
      'upgrade.md',
    ]);
  });

  it('gives the same bytes for the same facts', () => {
    expect(build()).toEqual(files);
  });

  it('writes deploy, rollback, scale and restart with the real namespace, name and selector', () => {
    const api = page('apps/shop-api.md');
    expect(api).toContain('kubectl rollout undo deployment/api -n shop');
    expect(api).toContain('kubectl rollout restart deployment/api -n shop');
    expect(api).toContain('kubectl scale deployment/api -n shop --replicas=<n>');
    expect(api).toContain('kubectl logs -f -l app=api -n shop');
    expect(page('apps/shop-report.md')).toContain(
      'kubectl create job report-manual-$(date +%s) --from=cronjob/report -n shop',
    );
  });

  it('writes a refresh and rotation per ExternalSecret, the alarms with first commands, and the log groups', () => {
    expect(page('secrets.md')).toContain(
      'kubectl annotate externalsecret api-db -n shop force-sync=$(date +%s) --overwrite',
    );
    expect(page('secrets.md')).toContain('aws secretsmanager put-secret-value --secret-id EKS/prod/api/db');
    expect(page('alarms.md')).toContain(`## ${env.clusterName}-node-cpu`);
    expect(page('alarms.md')).toContain('kubectl top pods -A --sort-by=cpu');
    expect(page('logs.md')).toContain(`| /aws/containerinsights/${env.clusterName}/application | 30 days |`);
  });

  it('writes the node groups with their real names and the upgrade playbook', () => {
    for (const g of env.nodes.groups)
      expect(page('nodes.md')).toContain(`--nodegroup-name ${env.clusterName}-${g.name}`);
    expect(page('upgrade.md')).toContain(
      `aws eks update-cluster-version --name ${env.clusterName} --kubernetes-version 1.35`,
    );
  });

  it('summarizes restore coverage and indexes every workload', () => {
    expect(page('restore.md')).toContain('volume(s) covered');
    expect(page('README.md')).toContain('- [shop/api](apps/shop-api.md) (Deployment)');
  });
});
