import type { Filter, LaunchTemplateVersion, RouteTable, Snapshot, Subnet, Volume } from '@aws-sdk/client-ec2';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** DescribeSubnets matching the filters (a VPC: `vpc-id`). */
export async function describeSubnets(aws: AwsReader, Filters: Filter[]): Promise<Subnet[]> {
  const ec2 = await aws.clients.ec2();
  const { DescribeSubnetsCommand } = await import('@aws-sdk/client-ec2');
  return allPages(
    (NextToken) => aws.call('ec2:DescribeSubnets', () => ec2.send(new DescribeSubnetsCommand({ Filters, NextToken }))),
    (p) => p.Subnets,
    (p) => p.NextToken,
  );
}

/** DescribeRouteTables matching the filters. */
export async function describeRouteTables(aws: AwsReader, Filters: Filter[]): Promise<RouteTable[]> {
  const ec2 = await aws.clients.ec2();
  const { DescribeRouteTablesCommand } = await import('@aws-sdk/client-ec2');
  return allPages(
    (NextToken) =>
      aws.call('ec2:DescribeRouteTables', () => ec2.send(new DescribeRouteTablesCommand({ Filters, NextToken }))),
    (p) => p.RouteTables,
    (p) => p.NextToken,
  );
}

/** DescribeVolumes matching the filters (EBS CSI and cluster tags). */
export async function describeVolumes(aws: AwsReader, Filters: Filter[]): Promise<Volume[]> {
  const ec2 = await aws.clients.ec2();
  const { DescribeVolumesCommand } = await import('@aws-sdk/client-ec2');
  return allPages(
    (NextToken) => aws.call('ec2:DescribeVolumes', () => ec2.send(new DescribeVolumesCommand({ Filters, NextToken }))),
    (p) => p.Volumes,
    (p) => p.NextToken,
  );
}

/** DescribeSnapshots owned by this account matching the filters (EBS snapshots of the cluster's volumes). */
export async function describeSnapshots(aws: AwsReader, Filters: Filter[]): Promise<Snapshot[]> {
  const ec2 = await aws.clients.ec2();
  const { DescribeSnapshotsCommand } = await import('@aws-sdk/client-ec2');
  return allPages(
    (NextToken) =>
      aws.call('ec2:DescribeSnapshots', () =>
        ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters, NextToken })),
      ),
    (p) => p.Snapshots,
    (p) => p.NextToken,
  );
}

/** Which launch template and version: an id or a name, and `$Default`, `$Latest` or a number. */
export interface LaunchTemplateRef {
  readonly id?: string;
  readonly name?: string;
  readonly version?: string;
}

/** DescribeLaunchTemplateVersions of one version of a launch template (the one a node group launches). */
export async function describeLaunchTemplateVersion(
  aws: AwsReader,
  ref: LaunchTemplateRef,
): Promise<LaunchTemplateVersion | undefined> {
  const ec2 = await aws.clients.ec2();
  const { DescribeLaunchTemplateVersionsCommand } = await import('@aws-sdk/client-ec2');
  const out = await aws.call('ec2:DescribeLaunchTemplateVersions', () =>
    ec2.send(
      new DescribeLaunchTemplateVersionsCommand({
        ...(ref.id ? { LaunchTemplateId: ref.id } : { LaunchTemplateName: ref.name }),
        Versions: [ref.version ?? '$Default'],
      }),
    ),
  );
  return out.LaunchTemplateVersions?.[0];
}
