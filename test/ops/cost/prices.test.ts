import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRICED_REGIONS, parsePriceTable, pricesFor } from '../../../src/ops/cost/prices.js';

const dir = join(import.meta.dirname, '../../../src/ops/cost/prices');
const raw = (region: string) => JSON.parse(readFileSync(join(dir, `${region}.json`), 'utf8'));

describe('the price table', () => {
  it('holds the five regions, each with its sources and the date read', () => {
    expect(PRICED_REGIONS).toEqual(['ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2']);
    for (const region of PRICED_REGIONS) {
      const t = pricesFor(region);
      expect(t?.region).toBe(region);
      expect(t?.source.ec2).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(t?.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([
    ['source'],
    ['retrieved'],
    ['spotDiscount'],
    ['snapshotGbMonth'],
    ['natGatewayHour'],
    ['ebs', 'gp3', 'iopsMonthAboveBaseline'],
    ['ebs', 'sc1', 'gbMonth'],
    ['cloudwatchLogs', 'storageGbMonth'],
    ['eks', 'extendedClusterHour'],
  ])('refuses a table without %s, naming the field', (...path) => {
    const t = raw('us-east-1');
    let at = t;
    for (const p of path.slice(0, -1)) at = at[p];
    delete at[path[path.length - 1]];
    expect(() => parsePriceTable(t, 'us-east-1.json')).toThrow(`us-east-1.json: ${path.join('.')}`);
  });

  it('refuses an instance price that is not a positive number', () => {
    const t = raw('eu-west-1');
    t.instances['m6i.large'] = 0;
    expect(() => parsePriceTable(t, 'eu-west-1.json')).toThrow('instances.m6i.large');
  });

  it('prices the instance types of the presets in every region', () => {
    for (const region of PRICED_REGIONS) {
      const t = pricesFor(region);
      for (const type of ['t3.medium', 't3a.medium', 't3.large', 'm6i.large', 'm5.large', 'm5a.large', 'm6a.large']) {
        expect(t?.instances[type], `${region} ${type}`).toBeGreaterThan(0);
      }
    }
  });

  it('says which families a region lacks instead of holding a guess', () => {
    const t = pricesFor('eu-central-1');
    expect(t?.instances['m7g.large']).toBeUndefined();
    expect(t?.notes.join(' ')).toContain('m7g.*');
  });

  it('has no table for a region it does not hold', () => {
    expect(pricesFor('sa-east-1')).toBeUndefined();
  });
});
