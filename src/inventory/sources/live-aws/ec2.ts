import type { RouteTable, Tag } from '@aws-sdk/client-ec2';
import { describeRouteTables, describeSubnets, describeVolumes } from '../../../aws/readers/ec2.js';
import { describeCluster } from '../../../aws/readers/eks.js';
import type { LiveAwsContext } from './context.js';

const tags = (t: Tag[] | undefined) => t?.map((x) => ({ Key: x.Key, Value: x.Value }));

/** Subnets whose route table has a route to an internet gateway are public; the rest are private. */
export function privateSubnets(subnetIds: readonly string[], tables: readonly RouteTable[]): Map<string, boolean> {
  const main = tables.find((t) => t.Associations?.some((a) => a.Main));
  const out = new Map<string, boolean>();
  for (const id of subnetIds) {
    const table = tables.find((t) => t.Associations?.some((a) => a.SubnetId === id)) ?? main;
    const toIgw = (table?.Routes ?? []).some((r) => r.GatewayId?.startsWith('igw-'));
    out.set(id, !toIgw);
  }
  return out;
}

const NETWORK_TYPES = [
  'AWS::EC2::Subnet',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
];

export async function collectNetwork(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(NETWORK_TYPES, async () => {
    const cluster = await describeCluster(ctx.aws, ctx.target.clusterName);
    const vpcId = cluster.resourcesVpcConfig?.vpcId;
    if (!vpcId) throw new Error(`cluster ${ctx.target.clusterName} reports no VPC`);
    const Filters = [{ Name: 'vpc-id', Values: [vpcId] }];
    const tables = await describeRouteTables(ctx.aws, Filters);
    const subnets = ctx.wants('AWS::EC2::Subnet', 'AWS::EC2::SubnetRouteTableAssociation')
      ? await describeSubnets(ctx.aws, Filters)
      : [];
    const ids = subnets.map((s) => s.SubnetId ?? '');
    if (ctx.wants('AWS::EC2::Subnet')) {
      const priv = privateSubnets(ids, tables);
      for (const s of subnets) {
        const id = s.SubnetId ?? '';
        ctx.add(
          'AWS::EC2::Subnet',
          id,
          {
            VpcId: s.VpcId,
            CidrBlock: s.CidrBlock,
            AvailabilityZone: s.AvailabilityZone,
            MapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
            Tags: tags(s.Tags),
          },
          {
            private: priv.get(id),
            availabilityZone: s.AvailabilityZone,
            usedByCluster: cluster.resourcesVpcConfig?.subnetIds?.includes(id) ?? false,
          },
        );
      }
    }
    // Associations and routes name their table, so the tables are kept whenever any network type is read.
    for (const t of tables) {
      ctx.add(
        'AWS::EC2::RouteTable',
        t.RouteTableId ?? '',
        { VpcId: t.VpcId, Tags: tags(t.Tags) },
        {
          main: t.Associations?.some((a) => a.Main) ?? false,
          subnetIds: (t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
        },
      );
    }
    if (ctx.wants('AWS::EC2::SubnetRouteTableAssociation')) addAssociations(ctx, tables, ids);
    if (ctx.wants('AWS::EC2::Route')) addRoutes(ctx, tables);
  });
}

function addAssociations(ctx: LiveAwsContext, tables: readonly RouteTable[], subnetIds: readonly string[]): void {
  const explicit = new Set<string>();
  for (const t of tables) {
    for (const a of t.Associations ?? []) {
      if (!a.SubnetId) continue;
      explicit.add(a.SubnetId);
      ctx.add('AWS::EC2::SubnetRouteTableAssociation', a.RouteTableAssociationId ?? `${a.SubnetId}/${t.RouteTableId}`, {
        SubnetId: a.SubnetId,
        RouteTableId: t.RouteTableId,
      });
    }
  }
  // A subnet without its own association uses the VPC's main route table.
  const main = tables.find((t) => t.Associations?.some((a) => a.Main));
  for (const id of subnetIds) {
    if (main && !explicit.has(id)) {
      ctx.add(
        'AWS::EC2::SubnetRouteTableAssociation',
        `${id}/main`,
        { SubnetId: id, RouteTableId: main.RouteTableId },
        { implicit: true },
      );
    }
  }
}

function addRoutes(ctx: LiveAwsContext, tables: readonly RouteTable[]): void {
  for (const t of tables) {
    const id = t.RouteTableId ?? '';
    for (const [i, r] of (t.Routes ?? []).entries()) {
      ctx.add(
        'AWS::EC2::Route',
        `${id}/${r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? i}`,
        {
          RouteTableId: id,
          DestinationCidrBlock: r.DestinationCidrBlock,
          DestinationIpv6CidrBlock: r.DestinationIpv6CidrBlock,
          GatewayId: r.GatewayId,
          NatGatewayId: r.NatGatewayId,
          TransitGatewayId: r.TransitGatewayId,
        },
        { state: r.State },
      );
    }
  }
}

/** EBS volumes of this cluster (EBS CSI and cluster tags). */
export async function collectVolumes(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EC2::Volume'], async () => {
    const name = ctx.target.clusterName;
    const volumes = await describeVolumes(ctx.aws, [
      { Name: 'tag-key', Values: ['ebs.csi.aws.com/cluster', `kubernetes.io/cluster/${name}`, 'eks:cluster-name'] },
    ]);
    for (const v of volumes) {
      const tagList = v.Tags ?? [];
      const clusterTag = tagList.find((t) => t.Key === 'eks:cluster-name' || t.Key === 'KubernetesCluster');
      // A volume tagged for another cluster is not ours.
      if (clusterTag && clusterTag.Value !== name && !tagList.some((t) => t.Key === `kubernetes.io/cluster/${name}`))
        continue;
      ctx.add(
        'AWS::EC2::Volume',
        v.VolumeId ?? '',
        {
          AvailabilityZone: v.AvailabilityZone,
          Size: v.Size,
          VolumeType: v.VolumeType,
          Iops: v.Iops,
          Throughput: v.Throughput,
          Encrypted: v.Encrypted,
          KmsKeyId: v.KmsKeyId,
          Tags: tags(v.Tags),
        },
        { state: v.State, attached: (v.Attachments ?? []).length > 0 },
      );
    }
  });
}
