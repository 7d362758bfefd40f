import type { EnvironmentConfig } from '../../config/types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { cfnText } from '../../rules/support/iam.js';
import { known, unknownFact } from '../facts.js';
import { volumesFromInventory } from '../volumes.js';
import type { BackupPlanFacts, DrFacts } from './facts.js';

interface PlanRule {
  readonly ScheduleExpression?: unknown;
  readonly Lifecycle?: { readonly DeleteAfterDays?: number };
  readonly CopyActions?: readonly { readonly DestinationBackupVaultArn?: unknown }[];
}

function regionOfArn(v: unknown): string | undefined {
  const text = cfnText(v);
  return text?.split(':')[3] || undefined;
}

function backupPlans(inv: Inventory): BackupPlanFacts[] {
  const out: BackupPlanFacts[] = [];
  const selections = inv.aws('AWS::Backup::BackupSelection');
  for (const plan of inv.aws('AWS::Backup::BackupPlan')) {
    const body = (plan.properties.BackupPlan ?? {}) as { BackupPlanName?: unknown; BackupPlanRule?: PlanRule[] };
    const rules = body.BackupPlanRule ?? [];
    const mine = selections.filter((s) => {
      const ref = s.properties.BackupPlanId;
      return inv.resolve(ref)?.id === plan.id || cfnText(ref) === plan.id;
    });
    const vaultRef = (rules[0] as { TargetBackupVault?: unknown } | undefined)?.TargetBackupVault;
    const vault = inv.resolve(vaultRef) as AwsResource | undefined;
    const days = rules.map((r) => r.Lifecycle?.DeleteAfterDays).filter((d): d is number => typeof d === 'number');
    out.push({
      kind: 'aws-backup',
      name: cfnText(body.BackupPlanName) ?? plan.id,
      ...(vault ? { vault: cfnText(vault.properties.BackupVaultName) ?? vault.id } : {}),
      schedules: rules.map((r) => cfnText(r.ScheduleExpression)).filter((x): x is string => Boolean(x)),
      ...(days.length ? { retentionDays: Math.min(...days) } : {}),
      selections: mine.map((s) => {
        const sel = (s.properties.BackupSelection ?? {}) as {
          ListOfTags?: { ConditionKey?: unknown; ConditionValue?: unknown }[];
        };
        const tags: Record<string, string> = {};
        for (const t of sel.ListOfTags ?? []) {
          const k = cfnText(t.ConditionKey);
          const v = cfnText(t.ConditionValue);
          if (k && v !== undefined) tags[k] = v;
        }
        return tags;
      }),
      copyRegions: rules
        .flatMap((r) => r.CopyActions ?? [])
        .map((c) => regionOfArn(c.DestinationBackupVaultArn))
        .filter((x): x is string => Boolean(x)),
    });
  }
  for (const policy of inv.aws('AWS::DLM::LifecyclePolicy')) {
    if (policy.properties.State === 'DISABLED') continue;
    const d = (policy.properties.PolicyDetails ?? {}) as {
      TargetTags?: { Key?: unknown; Value?: unknown }[];
      Schedules?: {
        CreateRule?: { CronExpression?: string; Interval?: number; IntervalUnit?: string };
        RetainRule?: { Count?: number };
      }[];
    };
    const tags: Record<string, string> = {};
    for (const t of d.TargetTags ?? []) {
      const k = cfnText(t.Key);
      const v = cfnText(t.Value);
      if (k && v !== undefined) tags[k] = v;
    }
    const counts = (d.Schedules ?? [])
      .map((s) => s.RetainRule?.Count)
      .filter((c): c is number => typeof c === 'number');
    out.push({
      kind: 'dlm',
      name: cfnText(policy.properties.Description) ?? policy.id,
      schedules: (d.Schedules ?? [])
        .map(
          (s) =>
            s.CreateRule?.CronExpression ??
            (s.CreateRule?.Interval ? `every ${s.CreateRule.Interval} ${s.CreateRule.IntervalUnit ?? 'HOURS'}` : ''),
        )
        .filter(Boolean),
      ...(counts.length ? { retainCount: Math.min(...counts) } : {}),
      selections: Object.keys(tags).length ? [tags] : [],
      copyRegions: [],
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Disaster-recovery facts from the config and the objects: the volumes
 * (claims and StatefulSet templates with their class tags), the backup plans
 * and snapshot policies the templates declare, the secrets the
 * ExternalSecrets read. Recovery points and restore jobs need the account.
 */
export function staticDrFacts(env: EnvironmentConfig, inv: Inventory): DrFacts {
  const templates = inv.coverage.awsTypes.size > 0;
  const secrets = inv.kube('ExternalSecret').flatMap((es) => {
    const spec = (es.object.spec ?? {}) as {
      data?: { remoteRef?: { key?: string } }[];
      dataFrom?: { extract?: { key?: string } }[];
    };
    const keys = [
      ...(spec.data ?? []).map((d) => d.remoteRef?.key),
      ...(spec.dataFrom ?? []).map((d) => d.extract?.key),
    ].filter((k): k is string => Boolean(k));
    return [...new Set(keys)].map((key) => ({
      namespace: es.object.metadata.namespace ?? 'default',
      externalSecret: es.object.metadata.name,
      key,
    }));
  });
  return {
    environment: env.name,
    project: env.project,
    clusterName: env.clusterName,
    region: env.region,
    backup: { enabled: env.components.backup, schedule: env.backup.schedule, retentionDays: env.backup.retentionDays },
    volumes: volumesFromInventory(inv),
    plans: templates
      ? known(backupPlans(inv))
      : unknownFact(
          'no CloudFormation template among the sources; run without -f to synthesize the platform, or add its template',
        ),
    recovery: unknownFact('recovery points and restore jobs need the AWS account (AWS Backup)'),
    secrets,
    secretsPath: env.secretsPath,
    imageReplicationRegions: env.registry.replicationRegions,
    gitops: { tool: env.gitops.tool, ...(env.gitops.repoURL ? { repoURL: env.gitops.repoURL } : {}) },
    nodeGroups: env.nodes.groups.map((g) => g.name),
    zones: env.availabilityZones,
  };
}
