import { mapLimit } from '../../../aws/paging.js';
import { podIdentityAssociations } from '../../../aws/readers/eks.js';
import { decodePolicy, readManagedPolicy, readRole } from '../../../aws/readers/iam.js';
import type { LiveAwsContext } from './context.js';

/** The roles Pod Identity hands to pods, with inline and attached policies. */
export async function collectPodIdentityRoles(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(
    ['AWS::IAM::Role', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::RolePolicy'],
    async () => {
      const associations = await podIdentityAssociations(ctx.aws, ctx.target.clusterName);
      const roleArns = [...new Set(associations.flatMap((a) => (a.roleArn ? [a.roleArn] : [])))].sort();
      const roles = await mapLimit(roleArns, 4, async (arn) => {
        const r = await readRole(ctx.aws, arn);
        return { ...r, attachedArns: r.attached.flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : [])) };
      });
      const policyArns = new Set(roles.flatMap((r) => r.attachedArns));
      for (const r of roles) {
        ctx.add('AWS::IAM::Role', r.role?.Arn ?? r.arn, {
          RoleName: r.role?.RoleName,
          AssumeRolePolicyDocument: decodePolicy(r.role?.AssumeRolePolicyDocument),
          Policies: r.inline,
          ManagedPolicyArns: [...r.attachedArns].sort(),
          MaxSessionDuration: r.role?.MaxSessionDuration,
          PermissionsBoundary: r.role?.PermissionsBoundary?.PermissionsBoundaryArn,
        });
      }
      const policies = await mapLimit([...policyArns].sort(), 4, async (arn) => ({
        arn,
        ...(await readManagedPolicy(ctx.aws, arn)),
      }));
      for (const p of policies) {
        ctx.add(
          'AWS::IAM::ManagedPolicy',
          p.arn,
          {
            ManagedPolicyName: p.policy?.PolicyName,
            PolicyDocument: p.document,
            Roles: roles.filter((r) => r.attachedArns.includes(p.arn)).map((r) => r.role?.RoleName),
          },
          { awsManaged: p.arn.includes(':aws:policy/') },
        );
      }
    },
  );
}
