import type { AttachedPolicy, Policy, Role } from '@aws-sdk/client-iam';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** IAM returns policy documents URL-encoded; this is the JSON, or the text when it is not JSON. */
export function decodePolicy(doc: string | undefined): unknown {
  if (!doc) return undefined;
  try {
    return JSON.parse(decodeURIComponent(doc));
  } catch {
    return doc;
  }
}

/** A role with its inline policies (decoded) and the ARNs of its attached policies. */
export interface RoleWithPolicies {
  readonly arn: string;
  readonly role?: Role;
  readonly inline: readonly { readonly PolicyName: string; readonly PolicyDocument: unknown }[];
  readonly attached: readonly AttachedPolicy[];
}

/** GetRole, ListRolePolicies + GetRolePolicy, ListAttachedRolePolicies for one role ARN. */
export async function readRole(aws: AwsReader, arn: string): Promise<RoleWithPolicies> {
  const iam = await aws.clients.iam();
  const m = await import('@aws-sdk/client-iam');
  const RoleName = arn.split('/').pop() ?? arn;
  const { Role } = await aws.call('iam:GetRole', () => iam.send(new m.GetRoleCommand({ RoleName })));
  const inlineNames = await allPages(
    (Marker) => aws.call('iam:ListRolePolicies', () => iam.send(new m.ListRolePoliciesCommand({ RoleName, Marker }))),
    (p) => p.PolicyNames,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
  const inline = [];
  for (const PolicyName of inlineNames) {
    const p = await aws.call('iam:GetRolePolicy', () => iam.send(new m.GetRolePolicyCommand({ RoleName, PolicyName })));
    inline.push({ PolicyName, PolicyDocument: decodePolicy(p.PolicyDocument) });
  }
  const attached = await allPages(
    (Marker) =>
      aws.call('iam:ListAttachedRolePolicies', () =>
        iam.send(new m.ListAttachedRolePoliciesCommand({ RoleName, Marker })),
      ),
    (p) => p.AttachedPolicies,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
  return { arn, role: Role, inline, attached };
}

/** GetPolicy + GetPolicyVersion of its default version (decoded). */
export async function readManagedPolicy(
  aws: AwsReader,
  PolicyArn: string,
): Promise<{ readonly policy?: Policy; readonly document: unknown }> {
  const iam = await aws.clients.iam();
  const m = await import('@aws-sdk/client-iam');
  const { Policy } = await aws.call('iam:GetPolicy', () => iam.send(new m.GetPolicyCommand({ PolicyArn })));
  const version = await aws.call('iam:GetPolicyVersion', () =>
    iam.send(new m.GetPolicyVersionCommand({ PolicyArn, VersionId: Policy?.DefaultVersionId })),
  );
  return { policy: Policy, document: decodePolicy(version.PolicyVersion?.Document) };
}
