import { describe, expect, it } from 'vitest';
import { canCorrect, correctableUntil, isLateEntry, parseDoseKey } from './rules.js';
import { isDueNow } from './today.js';

const H = 3_600_000;
const T = Date.UTC(2026, 2, 1, 12, 0);

describe('the 48-hour correction window', () => {
  it.each([
    [0, true],
    [47 * H, true],
    [48 * H, true],
    [48 * H + 1, false],
    [72 * H, false],
  ])('%i ms after logging → correctable %s', (after, ok) => {
    expect(canCorrect(T, T + after)).toBe(ok);
  });
  it('names the deadline', () => {
    expect(correctableUntil(T)).toBe(T + 48 * H);
  });
});

describe('late entries', () => {
  it.each([
    [-H, false], // logged before it was due
    [2 * H, false],
    [48 * H, false],
    [48 * H + 60_000, true],
    [10 * 24 * H, true],
  ])('logged %i ms after the dose time → late %s', (after, late) => {
    expect(isLateEntry(T + after, T)).toBe(late);
  });
});

describe('dose keys', () => {
  it.each([
    [
      '0198-abc:2026-03-08:02:30',
      { medicationId: '0198-abc', localDate: '2026-03-08', localTime: '02:30', occurrence: 1 },
    ],
    ['m:2026-12-31:23:59', { medicationId: 'm', localDate: '2026-12-31', localTime: '23:59', occurrence: 1 }],
    // The second 02:00 of the day the clocks go back (issue 11).
    [
      'm:2026-10-25:02:00~2',
      { medicationId: 'm', localDate: '2026-10-25', localTime: '02:00', occurrence: 2 },
    ],
    ['m:2026-10-25:02:00~3', null],
    ['m:2026-10-25:02:00~', null],
    ['m:2026-3-8:02:30', null],
    ['m:2026-03-08', null],
    [':2026-03-08:02:30', null],
    ['a:b:2026-03-08:02:30', null],
  ])('%s', (key, want) => {
    expect(parseDoseKey(key)).toEqual(want);
  });
});

describe('due now (the in-app reminder)', () => {
  it.each([
    [-31 * 60_000, false],
    [-30 * 60_000, true],
    [0, true],
    [2 * H, true],
    [2 * H + 1, false],
  ])('%i ms from the dose time → due now %s', (offset, due) => {
    expect(isDueNow(T, T + offset)).toBe(due);
  });
});
