import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cocmMonth, crossedInWords } from './cocm-minutes.js';
import { monthBounds, monthOf, nextMonth } from './month.js';

// Thresholds from issue 15 (CPT 99492 >= 70 first month, 99493 >= 60 later, 99494 each further 30, G2214 30).
describe('CoCM minutes against the thresholds', () => {
  it.each([
    [0, true, '', 'G2214', 30],
    [29, true, '', 'G2214', 1],
    [30, true, 'G2214 (30 min)', '99492', 40],
    [69, true, 'G2214 (30 min)', '99492', 1],
    [70, true, 'G2214 (30 min), 99492 (70 min)', '99494', 30],
    [99, true, 'G2214 (30 min), 99492 (70 min)', '99494', 1],
    [100, true, 'G2214 (30 min), 99492 (70 min), 99494 (100 min)', '99494', 30],
    [130, true, 'G2214 (30 min), 99492 (70 min), 99494 (100 min), 99494 (130 min)', '99494', 30],
    [59, false, 'G2214 (30 min)', '99493', 1],
    [60, false, 'G2214 (30 min), 99493 (60 min)', '99494', 30],
    [89, false, 'G2214 (30 min), 99493 (60 min)', '99494', 1],
    [90, false, 'G2214 (30 min), 99493 (60 min), 99494 (90 min)', '99494', 30],
    [65, true, 'G2214 (30 min)', '99492', 5],
  ])('%i min, first month %s: crossed "%s", next %s in %i', (minutes, first, words, nextCode, toGo) => {
    const m = cocmMonth(minutes, first);
    expect(crossedInWords(m.crossed)).toBe(words);
    expect(m.next.code).toBe(nextCode);
    expect(m.next.minutesToGo).toBe(toGo);
  });

  it('refuses minutes that are not whole or below zero (the caller sums stored whole minutes)', () => {
    expect(() => cocmMonth(-1, true)).toThrow(RangeError);
    expect(() => cocmMonth(1.5, false)).toThrow(RangeError);
  });
});

describe('calendar months in a zone', () => {
  it.each([
    ['2026-01', '2026-02'],
    ['2026-12', '2027-01'],
    ['2026-09', '2026-10'],
  ])('after %s comes %s', (m, next) => {
    expect(nextMonth(m)).toBe(next);
  });

  it('bounds a month at local midnights (Chicago: December starts 06:00 UTC)', () => {
    const b = monthBounds('2026-12', 'America/Chicago');
    expect(new Date(b.from).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(new Date(b.to).toISOString()).toBe('2027-01-01T06:00:00.000Z');
    expect(monthOf(b.from, 'America/Chicago')).toBe('2026-12');
    expect(monthOf(b.from - 1, 'America/Chicago')).toBe('2026-11');
    expect(monthOf(b.from - 1, 'UTC')).toBe('2026-12');
  });
});

describe('CoCM minutes: properties', () => {
  it('more minutes never cross fewer thresholds; 99494 once per whole further 30 minutes; next is ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.boolean(), (minutes, first) => {
        const m = cocmMonth(minutes, first);
        const main = first ? 70 : 60;
        const further = minutes >= main ? Math.floor((minutes - main) / 30) : 0;
        expect(m.crossed.filter((c) => c.code === '99494')).toHaveLength(further);
        expect(m.crossed.every((c) => c.atMinutes <= minutes)).toBe(true);
        expect(m.next.atMinutes).toBeGreaterThan(minutes);
        expect(m.next.minutesToGo).toBe(m.next.atMinutes - minutes);
        expect(cocmMonth(minutes + 1, first).crossed.length).toBeGreaterThanOrEqual(m.crossed.length);
      }),
    );
  });
});
