import { placeOf } from '../config/registry-home.js';
import type { EnvironmentConfig } from '../config/types.js';
import { PLACEHOLDER_ACCOUNT } from './tier-secret-store.js';

/** Resource types whose templates name them explicitly, the property holding the name, and where it must be unique. */
const NAMED: Record<
  string,
  { readonly property?: string; readonly scope: 'account' | 'region'; readonly setting: string }
> = {
  'AWS::ECR::Repository': { property: 'RepositoryName', scope: 'region', setting: 'registry.home' },
  // One replication configuration per registry (account and region): a second one replaces the first.
  'AWS::ECR::ReplicationConfiguration': { scope: 'region', setting: 'registry.home' },
  'AWS::Logs::LogGroup': { property: 'LogGroupName', scope: 'region', setting: 'cluster.name' },
  'AWS::IAM::Role': { property: 'RoleName', scope: 'account', setting: 'cluster.name' },
  'AWS::IAM::ManagedPolicy': { property: 'ManagedPolicyName', scope: 'account', setting: 'cluster.name' },
  'AWS::SNS::Topic': { property: 'TopicName', scope: 'region', setting: 'cluster.name' },
  'AWS::KMS::Alias': { property: 'AliasName', scope: 'region', setting: 'cluster.name' },
  'AWS::EKS::Cluster': { property: 'Name', scope: 'region', setting: 'cluster.name' },
  'AWS::CloudWatch::Alarm': { property: 'AlarmName', scope: 'region', setting: 'cluster.name' },
  'AWS::CloudWatch::Dashboard': { property: 'DashboardName', scope: 'region', setting: 'cluster.name' },
  'AWS::Backup::BackupVault': { property: 'BackupVaultName', scope: 'region', setting: 'cluster.name' },
  'AWS::Lambda::Function': { property: 'FunctionName', scope: 'region', setting: 'cluster.name' },
  'AWS::SQS::Queue': { property: 'QueueName', scope: 'region', setting: 'cluster.name' },
  // Resource tags for telemetry: one per account and region.
  'AWS::ObservabilityAdmin::TelemetryEnrichment': { scope: 'region', setting: 'alarms.resourceTagsForTelemetry' },
};

/** What to call a resource type of which an account and region holds only one. */
const SINGLETONS: Record<string, string> = {
  'AWS::ECR::ReplicationConfiguration': '(the registry configuration)',
  'AWS::ObservabilityAdmin::TelemetryEnrichment': '(resource tags for telemetry)',
};

/** One environment's synthesized platform template. */
export interface EnvironmentTemplate {
  readonly environment: string;
  readonly account?: string;
  readonly region: string;
  readonly stackName: string;
  readonly template: unknown;
}

/** Two or more environments that would create the same named resource in one account (and region). */
export interface NameClash {
  /** `<account>/<region>`, or `<account>` for account-wide names (IAM). */
  readonly place: string;
  readonly type: string;
  readonly name: string;
  readonly environments: readonly string[];
  /** The setting that moves one of them out of the way. */
  readonly setting: string;
}

type Resources = Record<string, { Type?: string; Properties?: Record<string, unknown> }>;

/** The explicit names in a template: a literal, or a join of literals and the account and region. */
export function namedResources(
  template: unknown,
  where: { account: string; region: string },
): { type: string; name: string }[] {
  const resources = ((template as { Resources?: Resources } | undefined)?.Resources ?? {}) as Resources;
  const out: { type: string; name: string }[] = [];
  for (const r of Object.values(resources)) {
    const named = r.Type ? NAMED[r.Type] : undefined;
    if (!named || !r.Type) continue;
    const name = named.property ? literal(r.Properties?.[named.property], where) : SINGLETONS[r.Type];
    if (name !== undefined) out.push({ type: r.Type, name });
  }
  return out;
}

function literal(value: unknown, where: { account: string; region: string }): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (ref === 'AWS::Region') return where.region;
  if (ref === 'AWS::AccountId') return where.account;
  const join = (value as { 'Fn::Join'?: unknown })['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map((p: unknown) => literal(p, where));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  return undefined;
}

/** Every named resource (and stack name) that two environments in one account and region would both create. */
export function findNameClashes(templates: readonly EnvironmentTemplate[]): NameClash[] {
  const seen = new Map<string, { place: string; type: string; name: string; setting: string; envs: Set<string> }>();
  const note = (place: string, type: string, name: string, setting: string, env: string) => {
    const key = `${place}\u0000${type}\u0000${name}`;
    const entry = seen.get(key) ?? { place, type, name, setting, envs: new Set<string>() };
    entry.envs.add(env);
    seen.set(key, entry);
  };
  for (const t of templates) {
    const account = t.account ?? PLACEHOLDER_ACCOUNT;
    const regional = placeOf({ account, region: t.region });
    note(regional, 'AWS::CloudFormation::Stack', t.stackName, 'cluster.name', t.environment);
    for (const { type, name } of namedResources(t.template, { account, region: t.region })) {
      note(NAMED[type].scope === 'account' ? account : regional, type, name, NAMED[type].setting, t.environment);
    }
  }
  return [...seen.values()]
    .filter((e) => e.envs.size > 1)
    .map((e) => ({ place: e.place, type: e.type, name: e.name, environments: [...e.envs].sort(), setting: e.setting }))
    .sort((a, b) => `${a.place} ${a.type} ${a.name}`.localeCompare(`${b.place} ${b.type} ${b.name}`));
}

/** A config whose environments would create the same named resources: the second deploy would fail. */
export class NameClashError extends Error {
  constructor(readonly clashes: readonly NameClash[]) {
    super(
      `${clashes.length} resource name(s) would be created by more than one environment in the same account and region, ` +
        `so the second deploy would fail:\n${clashes.map(describeClash).join('\n')}`,
    );
    this.name = 'NameClashError';
  }
}

function describeClash(c: NameClash): string {
  const fix =
    c.setting === 'registry.home'
      ? 'set registry.home to the environment that should create the repositories (the others import them)'
      : c.setting === 'alarms.resourceTagsForTelemetry'
        ? 'keep resourceTagsForTelemetry: create on one of them and set alarms.resourceTagsForTelemetry: existing under environments.<name> of the others'
        : `set a different cluster.name for one of them under environments.<name> (the names derive from it)`;
  return `  ${c.type} ${c.name} in ${c.place}: environments ${c.environments.join(', ')}; ${fix}, or deploy them to different accounts or regions`;
}

/** Environments that share an account with another one: only their names can clash. */
export function environmentsSharingAnAccount(envs: readonly EnvironmentConfig[]): EnvironmentConfig[] {
  const count = new Map<string, number>();
  for (const e of envs)
    count.set(e.account ?? PLACEHOLDER_ACCOUNT, (count.get(e.account ?? PLACEHOLDER_ACCOUNT) ?? 0) + 1);
  return envs.filter((e) => (count.get(e.account ?? PLACEHOLDER_ACCOUNT) ?? 0) > 1);
}
