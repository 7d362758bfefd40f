import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import type { RuleResult } from '../types.js';
import { nothingToCheckAws } from './coverage.js';
import { awsResult } from './results.js';

/** What a node group's launch template says, or why it cannot be read. */
export type NodeLaunchData =
  | { readonly kind: 'none' }
  | { readonly kind: 'unresolved'; readonly ref: string }
  | { readonly kind: 'data'; readonly template: AwsResource; readonly data: Record<string, unknown> };

/** Follows a managed node group's LaunchTemplate.Id (or Name) to the AWS::EC2::LaunchTemplate in the inventory. */
export function nodeLaunchData(inv: Inventory, nodegroup: AwsResource): NodeLaunchData {
  const spec = nodegroup.properties.LaunchTemplate as { Id?: unknown; Name?: unknown } | undefined;
  if (!spec || (spec.Id === undefined && spec.Name === undefined)) return { kind: 'none' };
  const template =
    inv.resolve(spec.Id) ??
    inv
      .aws('AWS::EC2::LaunchTemplate')
      .find((t) => typeof spec.Name === 'string' && t.properties.LaunchTemplateName === spec.Name);
  if (!template) return { kind: 'unresolved', ref: JSON.stringify(spec.Id ?? spec.Name) };
  return { kind: 'data', template, data: (template.properties.LaunchTemplateData ?? {}) as Record<string, unknown> };
}

/**
 * Judges the launch template of every managed node group. A group without
 * one runs EKS's default template (`none` goes to the judge); a template the
 * sources do not hold is `unknown`.
 */
export function checkNodeLaunchTemplates(
  inv: Inventory,
  judge: (nodegroup: AwsResource, launch: Exclude<NodeLaunchData, { kind: 'unresolved' }>) => RuleResult,
): RuleResult[] {
  const groups = inv.aws('AWS::EKS::Nodegroup');
  if (groups.length === 0) return nothingToCheckAws(inv, ['AWS::EKS::Nodegroup'], 'managed node groups');
  return groups.map((ng) => {
    const launch = nodeLaunchData(inv, ng);
    if (launch.kind === 'unresolved') {
      return awsResult('unknown', ng, `launch template ${launch.ref} is not in the sources`, ['LaunchTemplate']);
    }
    return judge(ng, launch);
  });
}
