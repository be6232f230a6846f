import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberRangeError, rangeWords } from './number-range';

describe('numberRangeError: out-of-range numbers are refused with the range named', () => {
  it.each([
    [-5, { min: 0.5, max: 100_000 }, 'Enter a number from 0.5 to 100,000; -5 is outside that range.'],
    [
      99_999_999,
      { min: 0.5, max: 100_000 },
      'Enter a number from 0.5 to 100,000; 99,999,999 is outside that range.',
    ],
    [9999, { min: 1, max: 200 }, 'Enter a number from 1 to 200; 9,999 is outside that range.'],
    [-1, { min: 0 }, 'Enter a number 0 or more; -1 is outside that range.'],
    [13, { max: 12 }, 'Enter a number 12 or less; 13 is outside that range.'],
    [2.5, { min: 1, max: 200, wholeNumber: true }, 'Enter a whole number from 1 to 200.'],
    ['abc', { min: 1, max: 3 }, 'Enter a number from 1 to 3.'],
  ] as const)('%s in %o', (value, range, message) => {
    expect(numberRangeError(value, range)).toBe(message);
  });

  it.each([
    [1, { min: 1, max: 200 }],
    [200, { min: 1, max: 200 }],
    ['', { min: 1, max: 200 }],
    ['-', { min: 1 }],
    ['42', { min: 1, max: 200, wholeNumber: true }],
    [0.5, { min: 0.5 }],
  ] as const)('accepts %s in %o', (value, range) => {
    expect(numberRangeError(value, range)).toBeNull();
  });

  it('accepts exactly the numbers inside the range (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer(),
        (a, b, n) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const inside = n >= min && n <= max;
          expect(numberRangeError(n, { min, max }) === null).toBe(inside);
        },
      ),
    );
  });

  it('words open ranges', () => {
    expect(rangeWords({})).toBe('a number');
    expect(rangeWords({ min: 10, max: 240 })).toBe('from 10 to 240');
  });
});
