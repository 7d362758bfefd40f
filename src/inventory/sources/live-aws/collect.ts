import { AWS_TYPE_ACTIONS } from '../../../aws/access-table.js';
import { type AwsClientConfig, AwsClients } from '../../../aws/clients.js';
import { AwsNoCredentials, isRejectedCredentials } from '../../../aws/errors.js';
import { mapLimit } from '../../../aws/paging.js';
import { AwsReader } from '../../../aws/read-context.js';
import { callerAccount } from '../../../aws/readers/sts.js';
import type { AwsResource } from '../../types.js';
import { collectBackup, collectDlm } from './backup.js';
import { LiveAwsContext } from './context.js';
import { collectNetwork, collectVolumes } from './ec2.js';
import { collectEcr } from './ecr.js';
import { collectAddons, collectCluster, collectNodegroups, collectPodIdentity } from './eks.js';
import { collectPodIdentityRoles } from './iam.js';
import { collectLaunchTemplates } from './launch-templates.js';
import { collectAlarms, collectLogGroups } from './observability.js';
import { collectSecrets } from './secrets.js';

export interface AwsCollectOptions extends AwsClientConfig {
  /** CloudFormation types to read (the selected rules' needs). */
  readonly types: readonly string[];
  readonly clusterName: string;
  readonly secretsPath: string;
  /** Images running in the cluster, for ECR scan findings. */
  readonly images?: readonly string[];
  /** Injected clients (tests); default: created lazily from region/profile. */
  readonly clients?: AwsClients;
  /** How long to wait for the identity check before calling the credentials unusable; default 15 s. */
  readonly identityTimeoutMs?: number;
}

export interface AwsCollection {
  readonly resources: AwsResource[];
  readonly types: Set<string>;
  readonly denied: Map<string, string>;
  readonly notes: string[];
  readonly account?: string;
  readonly region?: string;
  /** IAM actions called, for the read-only proof. */
  readonly calls: string[];
}

/** Types that exist only in templates (no API shows them): a live account holds none. */
async function collectTemplateOnly(ctx: LiveAwsContext): Promise<void> {
  const types = Object.keys(AWS_TYPE_ACTIONS).filter((t) => AWS_TYPE_ACTIONS[t].length === 0);
  await ctx.guard(types, async () => {
    for (const t of types.filter((x) => ctx.wants(x))) {
      ctx.notes.push(`${t} exists only in CloudFormation templates; live, what it installed is seen in the cluster`);
    }
  });
}

const COLLECTORS: readonly ((ctx: LiveAwsContext) => Promise<void>)[] = [
  collectTemplateOnly,
  collectCluster,
  collectNodegroups,
  collectLaunchTemplates,
  collectAddons,
  collectPodIdentity,
  collectPodIdentityRoles,
  collectNetwork,
  collectVolumes,
  collectEcr,
  collectLogGroups,
  collectAlarms,
  collectBackup,
  collectDlm,
  collectSecrets,
];

/** Reads the AWS side of the platform through the read-only readers (src/aws/readers) and maps it to CloudFormation-shaped resources. */
export async function collectAws(options: AwsCollectOptions): Promise<AwsCollection> {
  const asked = [...new Set(options.types)].sort();
  const wanted = new Set(asked.filter((t) => AWS_TYPE_ACTIONS[t]));
  const denied = new Map<string, string>();
  const notes: string[] = [];
  for (const t of asked) if (!wanted.has(t)) denied.set(t, `the live AWS source does not read ${t}`);
  const empty = (account?: string, region?: string): AwsCollection => ({
    resources: [],
    types: new Set(),
    denied,
    notes,
    account,
    region,
    calls: [],
  });
  if (wanted.size === 0) return empty();

  const clients = options.clients ?? new AwsClients(options);
  const region = await clients.region();
  let account: string | undefined;
  try {
    account = await callerAccount(clients, options.identityTimeoutMs ?? 15_000);
  } catch (e) {
    return noCredentials(empty(undefined, region), wanted, e);
  }
  const reader = new AwsReader(clients);
  const ctx = new LiveAwsContext(
    reader,
    { clusterName: options.clusterName, secretsPath: options.secretsPath, images: options.images ?? [] },
    wanted,
    { account, region },
  );
  try {
    await mapLimit(COLLECTORS, 3, (collect) => collect(ctx));
  } catch (e) {
    if (e instanceof AwsNoCredentials) return noCredentials(empty(account, region), wanted, e);
    throw e;
  }
  for (const [t, why] of ctx.denied) denied.set(t, why);
  notes.push(...ctx.notes);
  const resources = ctx.resources.sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  return { resources, types: ctx.types, denied, notes: notes.sort(), account, region, calls: reader.calls };
}

function noCredentials(out: AwsCollection, wanted: Set<string>, e: unknown): AwsCollection {
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  const rejected = (e instanceof AwsNoCredentials && e.rejected) || isRejectedCredentials(e);
  const what = rejected ? 'AWS rejected the credentials' : 'no AWS credentials';
  for (const t of wanted) out.denied.set(t, `${what}: ${why}`);
  out.notes.push(
    rejected
      ? `AWS facts are unknown: AWS rejected the credentials (${why}). Check or renew them (aws sts get-caller-identity), or pass --no-aws to skip AWS.`
      : `AWS facts are unknown: no usable AWS credentials (${why}). Set AWS_PROFILE or --profile, or pass --no-aws to skip AWS.`,
  );
  return out;
}
