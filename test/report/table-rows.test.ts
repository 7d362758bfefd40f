import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { lineRows } from '../../src/report/table-rows.js';

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;

/** Tables with multi-line, wrapped, coloured, empty and over-long cells. */
const CASES: { name: string; colWidths: number[]; rows: string[][]; wrapOnWordBoundary: boolean }[] = [
  {
    name: 'multi-line settings cells',
    colWidths: [8, 12, 40],
    rows: [
      [
        'test',
        'network',
        'availabilityZones=us-east-1a; us-east-1b\nnatGateways=1\nvpcEndpoints=s3 (gateway); ecr.api; ecr.dkr; logs; sts; secretsmanager',
      ],
      ['prod', 'cluster', 'kubernetesVersion=1.35'],
    ],
    wrapOnWordBoundary: true,
  },
  {
    name: 'coloured cells, empty cells and empty lines',
    colWidths: [10, 11, 30],
    rows: [
      ['', RED('FAIL'), 'one\n\ntwo words that wrap over the column'],
      [RED('a long red text that wraps'), '', ''],
      ['', '', ''],
    ],
    wrapOnWordBoundary: true,
  },
  {
    name: 'a word longer than its column, wrapped on and off word boundaries',
    colWidths: [9, 20],
    rows: [
      ['supercalifragilistic', 'x y z'],
      ['a b', 'averyveryverylongwordindeed and more'],
    ],
    wrapOnWordBoundary: false,
  },
];

function wrappedByTable(c: (typeof CASES)[number], head: string[]): string {
  const table = new Table({ head, colWidths: c.colWidths, wordWrap: true, wrapOnWordBoundary: c.wrapOnWordBoundary });
  table.push(...c.rows);
  return table.toString();
}

describe('lineRows', () => {
  for (const c of CASES) {
    it(`draws the same table as cli-table3's own wordWrap: ${c.name}`, async () => {
      const head = c.colWidths.map((_, i) => `col${i}`);
      for (const style of [{}, { head: ['cyan'], border: ['grey'] }]) {
        const table = new Table({ head, colWidths: c.colWidths, style });
        const rows = await lineRows(c.rows, c.colWidths, { wrapOnWordBoundary: c.wrapOnWordBoundary });
        table.push(...rows);
        const expected = new Table({
          head,
          colWidths: c.colWidths,
          wordWrap: true,
          wrapOnWordBoundary: c.wrapOnWordBoundary,
          style,
        });
        expected.push(...c.rows);
        expect(table.toString()).toBe(expected.toString());
      }
      expect(wrappedByTable(c, head).split('\n').length).toBeGreaterThan(c.rows.length + 3);
    });
  }

  it('gives cli-table3 cells of one line each, so none is truncated character by character', async () => {
    const rows = await lineRows(CASES[0].rows, CASES[0].colWidths, { wrapOnWordBoundary: true });
    const contents = rows.flat().map((cell) => String(cell.content));
    expect(contents.every((text) => !text.includes('\n'))).toBe(true);
    expect(rows.length).toBe(6);
    expect(contents).toContain('natGateways=1');
  });
});
