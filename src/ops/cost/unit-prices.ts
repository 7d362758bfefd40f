import type { NodeGroupFacts } from './facts.js';
import { instanceShape } from './instance-shapes.js';
import type { CostParams } from './params.js';
import { type EbsVolumeType, HOURS_PER_MONTH, type PriceTable } from './prices.js';

/** Hourly price of one node of a type; Spot at the table's assumed discount. Undefined when not priced. */
export function nodeHourly(
  prices: PriceTable | undefined,
  instanceType: string | undefined,
  capacity: 'onDemand' | 'spot' | 'on-demand' | undefined,
): number | undefined {
  if (!prices || !instanceType) return undefined;
  const od = prices.instances[instanceType];
  if (od === undefined) return undefined;
  return capacity === 'spot' ? od * (1 - prices.spotDiscount) : od;
}

/** What one vCPU and one GiB cost a month on a group's first instance type, split by `cpuShareOfPrice`. */
export function resourceMonthly(
  prices: PriceTable | undefined,
  group: NodeGroupFacts | undefined,
  p: CostParams,
): { readonly perVcpu: number; readonly perGi: number } | undefined {
  const type = group?.instanceTypes[0];
  const hourly = nodeHourly(prices, type, group?.capacity);
  const shape = type ? instanceShape(type) : undefined;
  if (hourly === undefined || !shape) return undefined;
  const monthly = hourly * HOURS_PER_MONTH;
  return {
    perVcpu: (monthly * p.cpuShareOfPrice) / shape.vcpus,
    perGi: (monthly * (1 - p.cpuShareOfPrice)) / shape.memoryGi,
  };
}

/** EBS storage per GB-month of a volume type; undefined for a type the table does not hold. */
export function ebsGbMonth(prices: PriceTable | undefined, type: string): number | undefined {
  if (!prices || !Object.hasOwn(prices.ebs, type)) return undefined;
  return prices.ebs[type as EbsVolumeType].gbMonth;
}

/** Money rounded to cents, so the same facts print the same figures. */
export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

export const GI = 2 ** 30;
