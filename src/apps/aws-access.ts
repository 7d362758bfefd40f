import { PLACEHOLDER_ACCOUNT } from '../config/presets.js';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';

/** One IAM policy statement, scoped to named resources. */
export interface PolicyStatement {
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
}

/** What a queue consumer needs and nothing more (Pattern 3's SQS policy, plus visibility extension). */
export const SQS_CONSUMER_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:ChangeMessageVisibility',
] as const;

const S3_ACTIONS = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject'],
  readwrite: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
} as const;

const DYNAMODB_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  readwrite: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const;

type Env = Pick<EnvironmentConfig, 'region' | 'account'>;

function accountOf(env: Env): string {
  return env.account ?? PLACEHOLDER_ACCOUNT;
}

export function queueArn(queue: string, env: Env): string {
  return queue.startsWith('arn:') ? queue : `arn:aws:sqs:${env.region}:${accountOf(env)}:${queue}`;
}

export function queueUrl(queue: string, env: Env): string {
  if (queue.startsWith('arn:')) {
    const [, , , region, account, name] = queue.split(':');
    return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
  }
  return `https://sqs.${env.region}.amazonaws.com/${accountOf(env)}/${queue}`;
}

function topicArn(topic: string, env: Env): string {
  return topic.startsWith('arn:') ? topic : `arn:aws:sns:${env.region}:${accountOf(env)}:${topic}`;
}

function tableArn(table: string, env: Env): string {
  return table.startsWith('arn:') ? table : `arn:aws:dynamodb:${env.region}:${accountOf(env)}:table/${table}`;
}

function bucketArn(bucket: string): string {
  return bucket.startsWith('arn:') ? bucket : `arn:aws:s3:::${bucket}`;
}

/**
 * The statements an app's Pod Identity role gets: exactly the access it
 * declares, on named ARNs. A worker's own queue adds the consumer actions.
 * Statements are merged per service and sorted, so policies are stable.
 */
export function appPolicyStatements(app: AppConfig, env: Env): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  const aws = app.aws;
  if (app.pattern === 'worker' && app.queue) {
    out.push({ Effect: 'Allow', Action: [...SQS_CONSUMER_ACTIONS], Resource: [queueArn(app.queue.name, env)] });
  }
  for (const q of aws?.sqs ?? []) {
    out.push({
      Effect: 'Allow',
      Action: q.actions ?? [...SQS_CONSUMER_ACTIONS],
      Resource: [queueArn(q.queue, env)],
    });
  }
  for (const b of aws?.s3 ?? []) {
    const arn = bucketArn(b.bucket);
    out.push({ Effect: 'Allow', Action: [...S3_ACTIONS[b.access]], Resource: [`${arn}/${b.prefix ?? ''}*`] });
    if (b.access !== 'write') out.push({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn] });
  }
  for (const t of aws?.sns ?? []) {
    out.push({ Effect: 'Allow', Action: t.actions ?? ['sns:Publish'], Resource: [topicArn(t.topic, env)] });
  }
  for (const t of aws?.dynamodb ?? []) {
    const arn = tableArn(t.table, env);
    out.push({ Effect: 'Allow', Action: [...DYNAMODB_ACTIONS[t.access]], Resource: [arn, `${arn}/index/*`] });
  }
  return mergeStatements(out);
}

/** Joins statements with the same resources and sorts actions and resources. */
function mergeStatements(statements: PolicyStatement[]): PolicyStatement[] {
  const byResource = new Map<string, Set<string>>();
  for (const s of statements) {
    const key = [...s.Resource].sort().join('\n');
    const set = byResource.get(key) ?? new Set<string>();
    for (const a of s.Action) set.add(a);
    byResource.set(key, set);
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([res, actions]) => ({ Effect: 'Allow' as const, Action: [...actions].sort(), Resource: res.split('\n') }));
}
