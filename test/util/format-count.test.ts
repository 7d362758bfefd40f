import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/util/format-count.js';

describe('formatCount', () => {
  it.each([0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 150_000, 123_456_789, -1234, Number.MAX_SAFE_INTEGER, 1.5])(
    'prints %d as toLocaleString("en-US") does',
    (n) => {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    },
  );
});
