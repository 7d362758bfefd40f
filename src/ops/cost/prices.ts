import { z } from 'zod';
import apSoutheast1 from './prices/ap-southeast-1.json' with { type: 'json' };
import euCentral1 from './prices/eu-central-1.json' with { type: 'json' };
import euWest1 from './prices/eu-west-1.json' with { type: 'json' };
import usEast1 from './prices/us-east-1.json' with { type: 'json' };
import usWest2 from './prices/us-west-2.json' with { type: 'json' };

/**
 * The price table the cost report estimates savings with: one JSON file per
 * region under `prices/`, each naming its sources and the date it was read.
 * A value the table does not hold is reported as not priced, never guessed.
 */

const perGbMonth = z.strictObject({ gbMonth: z.number().positive() });

export const priceTableSchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  currency: z.literal('USD'),
  source: z.strictObject({
    ec2: z.url(),
    ebs: z.url(),
    cloudwatchLogs: z.url(),
    eks: z.url(),
    natGateway: z.url(),
  }),
  retrieved: z.iso.date(),
  notes: z.array(z.string().min(1)).min(1),
  /** On-Demand price per hour by instance type. */
  instances: z.record(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/), z.number().positive()),
  /** Average Spot discount assumed against On-Demand (0.6: Spot costs 40% of On-Demand). */
  spotDiscount: z.number().gt(0).lt(1),
  ebs: z.strictObject({
    gp2: perGbMonth,
    gp3: perGbMonth.extend({
      iopsMonthAboveBaseline: z.number().positive(),
      mbpsMonthAboveBaseline: z.number().positive(),
    }),
    io1: perGbMonth.extend({ iopsMonth: z.number().positive() }),
    io2: perGbMonth,
    st1: perGbMonth,
    sc1: perGbMonth,
  }),
  snapshotGbMonth: z.number().positive(),
  cloudwatchLogs: z.strictObject({ ingestGb: z.number().positive(), storageGbMonth: z.number().positive() }),
  eks: z.strictObject({ standardClusterHour: z.number().positive(), extendedClusterHour: z.number().positive() }),
  natGatewayHour: z.number().positive(),
});

export type PriceTable = z.infer<typeof priceTableSchema>;
export type EbsVolumeType = keyof PriceTable['ebs'];

/** Hours in an average month (730), the unit AWS prices monthly estimates in. */
export const HOURS_PER_MONTH = 730;

/** Validates one region's table; a missing or wrong field is an error naming the region and the field. */
export function parsePriceTable(raw: unknown, name: string): PriceTable {
  const parsed = priceTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`price table ${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

const RAW: Readonly<Record<string, unknown>> = {
  'ap-southeast-1': apSoutheast1,
  'eu-central-1': euCentral1,
  'eu-west-1': euWest1,
  'us-east-1': usEast1,
  'us-west-2': usWest2,
};

const TABLES = new Map<string, PriceTable>();

/** The regions the bundled price table holds. */
export const PRICED_REGIONS: readonly string[] = Object.keys(RAW).sort();

/** The price table of a region, or undefined when the bundled table has none for it. */
export function pricesFor(region: string): PriceTable | undefined {
  if (!Object.hasOwn(RAW, region)) return undefined;
  let t = TABLES.get(region);
  if (!t) {
    t = parsePriceTable(RAW[region], `src/ops/cost/prices/${region}.json`);
    TABLES.set(region, t);
  }
  return t;
}
