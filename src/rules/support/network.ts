import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { cfnText } from './iam.js';

/** The subnets of a node group, resolved to inventory resources where possible. */
export function nodegroupSubnets(inv: Inventory, ng: AwsResource): { ref: unknown; subnet?: AwsResource }[] {
  const refs = Array.isArray(ng.properties.Subnets) ? ng.properties.Subnets : [];
  return refs.map((ref) => ({ ref, subnet: inv.resolve(ref) }));
}

/**
 * A key naming a subnet's zone: the zone name, or `az[i]` for
 * `Fn::Select [i, Fn::GetAZs]` in an environment-agnostic template.
 * Undefined when the zone cannot be told.
 */
export function zoneKey(subnet: AwsResource): string | undefined {
  const az = subnet.properties.AvailabilityZone;
  if (typeof az === 'string') return az;
  const sel = (az as { 'Fn::Select'?: unknown } | undefined)?.['Fn::Select'];
  if (Array.isArray(sel) && (typeof sel[0] === 'number' || typeof sel[0] === 'string')) {
    const from = sel[1] as Record<string, unknown> | undefined;
    if (from && 'Fn::GetAZs' in from) return `az[${sel[0]}]`;
  }
  const live = subnet.live?.availabilityZone;
  return typeof live === 'string' ? live : undefined;
}

function tag(r: AwsResource, key: string): string | undefined {
  const tags = Array.isArray(r.properties.Tags) ? (r.properties.Tags as { Key?: string; Value?: unknown }[]) : [];
  const t = tags.find((x) => x.Key === key);
  return typeof t?.Value === 'string' ? t.Value : undefined;
}

/** Route tables associated with a subnet. */
function routeTablesOf(inv: Inventory, subnet: AwsResource): AwsResource[] {
  return inv
    .aws('AWS::EC2::SubnetRouteTableAssociation')
    .filter((a) => inv.resolve(a.properties.SubnetId)?.id === subnet.id)
    .map((a) => inv.resolve(a.properties.RouteTableId))
    .filter((r): r is AwsResource => r !== undefined);
}

/** Whether a route sends traffic to an internet gateway. */
function isIgwRoute(inv: Inventory, route: AwsResource): boolean {
  const gw = route.properties.GatewayId;
  if (gw === undefined) return false;
  const target = inv.resolve(gw);
  if (target) return target.type === 'AWS::EC2::InternetGateway';
  const text = cfnText(gw);
  return text?.startsWith('igw-') ?? false;
}

export interface SubnetExposure {
  readonly public: boolean;
  readonly reason: string;
}

/** Whether a subnet is public, and what showed it. */
export function subnetExposure(inv: Inventory, subnet: AwsResource): SubnetExposure {
  if (subnet.properties.MapPublicIpOnLaunch === true) return { public: true, reason: 'MapPublicIpOnLaunch is true' };
  const tables = routeTablesOf(inv, subnet);
  const routes = inv
    .aws('AWS::EC2::Route')
    .filter((r) => tables.some((t) => inv.resolve(r.properties.RouteTableId)?.id === t.id));
  const igw = routes.find((r) => isIgwRoute(inv, r));
  if (igw) return { public: true, reason: `route ${igw.id} leads to an internet gateway` };
  const type = tag(subnet, 'aws-cdk:subnet-type');
  if (type === 'Public') return { public: true, reason: 'tagged aws-cdk:subnet-type Public' };
  if (tables.length > 0) return { public: false, reason: 'no route to an internet gateway' };
  if (type) return { public: false, reason: `tagged aws-cdk:subnet-type ${type}` };
  return { public: false, reason: 'no route to an internet gateway found' };
}
