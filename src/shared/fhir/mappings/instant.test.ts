import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instant } from './common.js';

// instant() formats without a Date per call; it must write exactly what toISOString writes, everywhere.
describe('instant', () => {
  it.each([
    0,
    1,
    999,
    1000,
    86_399_999,
    86_400_000,
    Date.UTC(2026, 10, 2, 15, 0, 0),
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    253_402_300_799_999,
    253_402_300_800_000,
    -1,
    -86_400_001,
    1.5,
  ])('%s', (ms) => {
    expect(instant(ms)).toBe(new Date(ms).toISOString());
  });

  it('equals toISOString for any instant, in any order of calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { minLength: 1, maxLength: 20 }),
        (list) => {
          for (const ms of list) expect(instant(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(instant(ms)).toBe(new Date(ms).toISOString());
        expect(instant(ms + 1)).toBe(new Date(ms + 1).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an invalid time as toISOString does', () => {
    expect(() => instant(Number.NaN)).toThrow(RangeError);
  });
});
