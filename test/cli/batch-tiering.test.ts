import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  BATCH_INTERRUPT_BUDGET,
  BATCH_TURBOFAN_INVOCATIONS,
  batchTieringFlags,
  useBatchTiering,
} from '../../src/cli/batch-tiering.js';

describe('batch tiering for a static verify', () => {
  it('raises the interrupt budget on Node 20, where it was measured', () => {
    expect(batchTieringFlags('20.20.2')).toEqual([`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`]);
    expect(BATCH_INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });

  it('delays TurboFan on Node 22 and later, which count invocations', () => {
    const flags = [`--invocation-count-for-turbofan=${BATCH_TURBOFAN_INVOCATIONS}`];
    expect(batchTieringFlags('22.12.0')).toEqual(flags);
    expect(batchTieringFlags('24.1.0')).toEqual(flags);
    // V8's own default is 3,000 on both.
    expect(BATCH_TURBOFAN_INVOCATIONS).toBeGreaterThan(3_000);
  });

  it('sets nothing on a version it was not measured on', () => {
    expect(batchTieringFlags('21.7.3')).toEqual([]);
  });

  it('names flags this Node accepts', () => {
    // An unknown flag or value is only printed by V8, never thrown: ask V8 for its flag list instead.
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of batchTieringFlags()) expect(known).toContain(`  ${flag.split('=')[0]} (`);
  });

  it('sets the flags once per process and says which are in effect', () => {
    const first = useBatchTiering();
    expect(first).toEqual(batchTieringFlags());
    expect(useBatchTiering()).toBe(first);
  });
});
