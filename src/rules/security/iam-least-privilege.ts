import { z } from 'zod';
import { nothingToCheckAws, unknownAws } from '../support/coverage.js';
import { type FoundStatement, POLICY_TYPES, policyStatements, textList } from '../support/iam.js';
import { awsResult } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const params = z.object({
  /** Services where `*` as the resource is too broad for anything but metadata reads. */
  sensitiveServices: z.array(z.string()),
  /** Actions that read data, not metadata, even though they start with Get/List/Describe. */
  dataReads: z.array(z.string()),
  /** Secrets Manager name prefix this environment may read (secretsPath). */
  secretsPath: z.string().min(1),
  /** AWS managed policies too broad to attach. */
  forbiddenManagedPolicies: z.array(z.string()),
});
type Params = z.infer<typeof params>;

function matchesAction(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}

/** Problems of one Allow statement, as short sentences. */
function problemsOf(s: FoundStatement, p: Params): string[] {
  const st = s.statement;
  if (st.Effect !== 'Allow') return [];
  const out: string[] = [];
  if (st.NotAction !== undefined) out.push('Allow with NotAction grants every action not listed');
  const actions = textList(st.Action);
  const resources = textList(st.Resource);
  const anyResource = resources.includes('*') || st.NotResource !== undefined;
  const conditioned = st.Condition !== undefined && st.Condition !== null;
  for (const action of actions) {
    if (action === '*') {
      out.push('grants every action ("*")');
      continue;
    }
    const [service, name = ''] = action.split(':');
    if (name === '*') {
      out.push(`grants every ${service} action ("${action}")`);
      continue;
    }
    if (!anyResource || conditioned || !p.sensitiveServices.includes(service.toLowerCase())) continue;
    const metadataRead = /^(Describe|List|Get)/.test(name) && !p.dataReads.some((d) => matchesAction(d, action));
    if (!metadataRead) out.push(`allows ${action} on every resource ("*")`);
  }
  if (actions.some((a) => a.toLowerCase().startsWith('secretsmanager:'))) {
    for (const r of resources) {
      if (r === '*' || !r.includes(':secret:')) continue;
      const name = r.slice(r.indexOf(':secret:') + ':secret:'.length);
      if (!name.startsWith(`${p.secretsPath}/`)) {
        out.push(`reads secret ${name}, outside this environment's path ${p.secretsPath}/*`);
      }
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'security.iam-least-privilege',
    title: 'IAM policies grant named actions on named resources',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'high', prod: 'critical' },
    why: 'A wildcard grant turns one leaked credential or compromised pod into access to every secret, key, bucket or queue of the account.',
    verified:
      'In every IAM role (inline policies and attached AWS managed policies), policy and managed policy: no Allow of "*" or "service:*", no Allow with NotAction, no action on "*" resources for sensitive services (Secrets Manager, KMS, IAM, S3, SQS, SNS, DynamoDB, SSM, STS, Lambda, ECR) unless it is a metadata read (Describe*/List*/Get* that are not data reads such as GetSecretValue or GetObject) or the statement has a Condition, and Secrets Manager ARNs within the environment path (EKS/<env>/*). Controller policies such as the AWS Load Balancer Controller\'s pass because their "*" grants are EC2/ELB actions, metadata reads or conditioned.',
    fix: 'Name the actions and the resource ARNs; keep Secrets Manager access to arn:…:secret:EKS/<env>/*; use Conditions (aws:ResourceTag, iam:AWSServiceName) where a resource cannot be named.',
    equivalents: { checkov: ['CKV_AWS_1', 'CKV_AWS_111', 'CKV_AWS_109'] },
    params,
    defaults: (env) => ({
      sensitiveServices: [
        'secretsmanager',
        'kms',
        'iam',
        's3',
        'sqs',
        'sns',
        'dynamodb',
        'ssm',
        'sts',
        'lambda',
        'ecr',
      ],
      dataReads: [
        'secretsmanager:GetSecretValue',
        'ssm:GetParameter*',
        's3:GetObject*',
        'kms:GetPublicKey',
        'dynamodb:GetItem',
        'dynamodb:GetRecords',
        'lambda:GetFunction',
        'ecr:GetDownloadUrlForLayer',
      ],
      secretsPath: env.secretsPath,
      forbiddenManagedPolicies: [
        'AdministratorAccess',
        'PowerUserAccess',
        'IAMFullAccess',
        'SecretsManagerReadWrite',
        'AmazonS3FullAccess',
      ],
    }),
    needs: { aws: POLICY_TYPES },
  },
  check(inv, p) {
    const resources = POLICY_TYPES.flatMap((t) => inv.aws(t));
    if (resources.length === 0) {
      return unknownAws(inv, ['AWS::IAM::Role']) ?? nothingToCheckAws(inv, ['AWS::IAM::Role'], 'IAM roles or policies');
    }
    const out: RuleResult[] = [];
    for (const r of resources) {
      const problems: { text: string; path: (string | number)[] }[] = [];
      for (const s of policyStatements(r)) {
        for (const text of problemsOf(s, p)) {
          problems.push({ text: s.policy ? `${s.policy}: ${text}` : text, path: [...s.path] });
        }
      }
      if (r.type === 'AWS::IAM::Role') {
        textList(r.properties.ManagedPolicyArns).forEach((arn, i) => {
          const name = arn.split(':policy/')[1];
          if (name && p.forbiddenManagedPolicies.includes(name)) {
            problems.push({ text: `attaches the AWS managed policy ${name}`, path: ['ManagedPolicyArns', i] });
          }
        });
      }
      if (problems.length === 0) {
        out.push(awsResult('pass', r, 'no wildcard or out-of-scope grants'));
      } else {
        const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
        out.push(
          awsResult(
            'fail',
            r,
            `${problems
              .map((x) => x.text)
              .slice(0, 3)
              .join('; ')}${more}`,
            problems[0].path,
          ),
        );
      }
    }
    return out;
  },
});
