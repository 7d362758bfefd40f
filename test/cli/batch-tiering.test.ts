import { describe, expect, it } from 'vitest';
import { BATCH_INTERRUPT_BUDGET, batchTieringFlags, useBatchTiering } from '../../src/cli/batch-tiering.js';

describe('batch tiering for a static verify', () => {
  it('raises the interrupt budget on Node 20, where it was measured', () => {
    expect(batchTieringFlags('20.20.2')).toEqual([`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`]);
    expect(BATCH_INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });

  it("leaves later Node versions at V8's defaults until measured there", () => {
    expect(batchTieringFlags('22.12.0')).toEqual([]);
    expect(batchTieringFlags('24.1.0')).toEqual([]);
  });

  it('sets the flags once per process and says which are in effect', () => {
    const first = useBatchTiering();
    expect(first).toEqual(batchTieringFlags());
    expect(useBatchTiering()).toBe(first);
  });
});
