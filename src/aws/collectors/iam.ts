import { type AwsCollectContext, allPages, mapLimit } from '../context.js';
import { podIdentityAssociations } from './eks.js';

/** IAM returns policy documents URL-encoded. */
export function decodePolicy(doc: string | undefined): unknown {
  if (!doc) return undefined;
  try {
    return JSON.parse(decodeURIComponent(doc));
  } catch {
    return doc;
  }
}

/** The roles Pod Identity hands to pods, with inline and attached policies. */
export async function collectPodIdentityRoles(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(
    ['AWS::IAM::Role', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::RolePolicy'],
    async () => {
      const iam = await ctx.clients.iam();
      const m = await import('@aws-sdk/client-iam');
      const roleArns = [
        ...new Set((await podIdentityAssociations(ctx)).flatMap((a) => (a.roleArn ? [a.roleArn] : []))),
      ].sort();
      const policyArns = new Set<string>();
      const roles = await mapLimit(roleArns, 4, async (arn) => {
        const RoleName = arn.split('/').pop() ?? arn;
        const { Role } = await ctx.call('iam:GetRole', () => iam.send(new m.GetRoleCommand({ RoleName })));
        const inlineNames = await allPages(
          (Marker) =>
            ctx.call('iam:ListRolePolicies', () => iam.send(new m.ListRolePoliciesCommand({ RoleName, Marker }))),
          (p) => p.PolicyNames,
          (p) => (p.IsTruncated ? p.Marker : undefined),
        );
        const inline = [];
        for (const PolicyName of inlineNames) {
          const p = await ctx.call('iam:GetRolePolicy', () =>
            iam.send(new m.GetRolePolicyCommand({ RoleName, PolicyName })),
          );
          inline.push({ PolicyName, PolicyDocument: decodePolicy(p.PolicyDocument) });
        }
        const attached = await allPages(
          (Marker) =>
            ctx.call('iam:ListAttachedRolePolicies', () =>
              iam.send(new m.ListAttachedRolePoliciesCommand({ RoleName, Marker })),
            ),
          (p) => p.AttachedPolicies,
          (p) => (p.IsTruncated ? p.Marker : undefined),
        );
        for (const a of attached) if (a.PolicyArn) policyArns.add(a.PolicyArn);
        return { arn, Role, inline, attached: attached.flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : [])) };
      });
      for (const r of roles) {
        ctx.add('AWS::IAM::Role', r.Role?.Arn ?? r.arn, {
          RoleName: r.Role?.RoleName,
          AssumeRolePolicyDocument: decodePolicy(r.Role?.AssumeRolePolicyDocument),
          Policies: r.inline,
          ManagedPolicyArns: r.attached.sort(),
          MaxSessionDuration: r.Role?.MaxSessionDuration,
          PermissionsBoundary: r.Role?.PermissionsBoundary?.PermissionsBoundaryArn,
        });
      }
      const policies = await mapLimit([...policyArns].sort(), 4, async (PolicyArn) => {
        const { Policy } = await ctx.call('iam:GetPolicy', () => iam.send(new m.GetPolicyCommand({ PolicyArn })));
        const version = await ctx.call('iam:GetPolicyVersion', () =>
          iam.send(new m.GetPolicyVersionCommand({ PolicyArn, VersionId: Policy?.DefaultVersionId })),
        );
        return { PolicyArn, Policy, document: decodePolicy(version.PolicyVersion?.Document) };
      });
      for (const p of policies) {
        ctx.add(
          'AWS::IAM::ManagedPolicy',
          p.PolicyArn,
          {
            ManagedPolicyName: p.Policy?.PolicyName,
            PolicyDocument: p.document,
            Roles: roles.filter((r) => r.attached.includes(p.PolicyArn)).map((r) => r.Role?.RoleName),
          },
          { awsManaged: p.PolicyArn.includes(':aws:policy/') },
        );
      }
    },
  );
}
