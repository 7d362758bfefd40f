import { describe, expect, it } from 'vitest';
import { drReport } from '../../../src/ops/dr/report.js';
import { staticDrFacts } from '../../../src/ops/dr/static-facts.js';
import { aws, ENVS, inventory } from '../../rules/helpers.js';

const env = ENVS.prod;

const kube = [
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'gp3' },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', tagSpecification_1: `slipway.io/backup=${env.clusterName}` },
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'plain' },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3' },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'postgres', namespace: 'shop' },
    spec: {
      replicas: 1,
      template: { spec: { containers: [{ name: 'pg' }] } },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { storageClassName: 'gp3', resources: { requests: { storage: '20Gi' } } } },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'uploads', namespace: 'shop' },
    spec: { storageClassName: 'plain', resources: { requests: { storage: '5Gi' } } },
  },
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'api-database', namespace: 'shop' },
    spec: { data: [{ secretKey: 'url', remoteRef: { key: 'EKS/prod/api/database' } }] },
  },
];

const templates = [
  aws('AWS::Backup::BackupVault', 'Vault', { BackupVaultName: `${env.clusterName}-ebs` }),
  aws('AWS::Backup::BackupPlan', 'Plan', {
    BackupPlan: {
      BackupPlanName: `${env.clusterName}-daily-ebs`,
      BackupPlanRule: [
        {
          RuleName: 'daily',
          ScheduleExpression: 'cron(0 3 * * ? *)',
          Lifecycle: { DeleteAfterDays: 30 },
          TargetBackupVault: { 'Fn::GetAtt': ['Vault', 'BackupVaultName'] },
        },
      ],
    },
  }),
  aws('AWS::Backup::BackupSelection', 'Selection', {
    BackupPlanId: { 'Fn::GetAtt': ['Plan', 'BackupPlanId'] },
    BackupSelection: {
      ListOfTags: [
        { ConditionKey: 'slipway.io/backup', ConditionValue: env.clusterName, ConditionType: 'STRINGEQUALS' },
      ],
    },
  }),
];

describe('dr coverage', () => {
  const report = drReport(staticDrFacts(env, inventory({ kube, aws: templates })));

  it('maps each volume to the plan whose tag selection matches its class tags, or says it is not covered', () => {
    expect(
      report.coverage.map((c) => [c.claim, c.status, c.plans.map((p) => `${p.name} ${p.schedule} ${p.retention}`)]),
    ).toEqual([
      ['data-postgres-0', 'covered', [`${env.clusterName}-daily-ebs cron(0 3 * * ? *) 30 days`]],
      ['uploads', 'not covered', []],
    ]);
    expect(report.counts).toEqual({ covered: 1, notCovered: 1, unknown: 0 });
    expect(report.problems.map((p) => [p.severity, p.code, p.object.name])).toEqual([
      ['critical', 'dr.volume-not-covered', 'uploads'],
    ]);
    expect(report.problems[0].cause).toContain('slipway.io/backup');
  });

  it('writes restore scenarios with the real names: vault, claim, secret, cluster', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual([
      'volume-lost',
      'zone-lost',
      'node-group-lost',
      'cluster-lost',
      'secret-deleted',
      'region-lost',
    ]);
    const commands = report.scenarios.flatMap((s) => s.steps.map((x) => x.command ?? ''));
    expect(commands).toContain('kubectl scale statefulset/postgres -n shop --replicas=0');
    expect(commands.some((c) => c.includes(`--backup-vault-name ${env.clusterName}-ebs`))).toBe(true);
    expect(commands).toContain(
      `aws secretsmanager restore-secret --secret-id EKS/prod/api/database --region ${env.region}`,
    );
    expect(commands).toContain(`aws eks update-kubeconfig --name ${env.clusterName} --region ${env.region}`);
    const cluster = report.scenarios.find((s) => s.id === 'cluster-lost');
    expect(cluster?.gaps).toContain('shop/uploads cannot be restored (not covered)');
  });

  it('marks coverage unknown when no template shows the plans', () => {
    const r = drReport(staticDrFacts(env, inventory({ kube })));
    expect(r.coverage.map((c) => c.status)).toEqual(['unknown', 'unknown']);
    expect(r.unknown.plans).toContain('no CloudFormation template');
    expect(r.problems).toEqual([]);
  });

  it('refuses an environment without scheduled backups, naming the setting and what is needed', () => {
    expect(() => drReport(staticDrFacts(ENVS.test, inventory({ kube })))).toThrow(
      'environment test has no scheduled backups (backup.schedule: manual); dr needs components.backup: true and backup.schedule: daily',
    );
  });

  it('selects nothing for a volume without tags even when a plan selects by tag', () => {
    const r = drReport(
      staticDrFacts(env, inventory({ kube: kube.filter((o) => o.metadata.name !== 'postgres'), aws: templates })),
    );
    expect(r.coverage.map((c) => c.status)).toEqual(['not covered']);
  });
});
