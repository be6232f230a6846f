import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  dayOfNumber,
  daysBetween,
  eachDay,
  minutesOf,
  utcMidnightOf,
  wallOf,
  wallParts,
  weekdayOf,
} from './days.js';

const DAY_MS = 86_400_000;
const viaDate = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

describe('calendar days as numbers', () => {
  it('agree with Date for every day from 1600 to 2400', () => {
    const from = Math.round(Date.parse('1600-01-01T00:00:00Z') / DAY_MS);
    const to = Math.round(Date.parse('2400-12-31T00:00:00Z') / DAY_MS);
    let checked = 0;
    for (let n = from; n <= to; n++) {
      const day = viaDate(n);
      if (dayOfNumber(n) !== day || dayNumber(day) !== n) throw new Error(`day ${String(n)}: ${day}`);
      checked++;
    }
    expect(checked).toBe(to - from + 1);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-08', 84, '2026-05-31'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('%s plus %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it('moves by a fraction of a day as Date did: to the day that instant falls in', () => {
    expect(addDays('2026-11-26', -91.25)).toBe('2026-08-26');
    expect(addDays('2026-11-26', 0.5)).toBe('2026-11-26');
    expect(addDays('2026-11-26', -0.5)).toBe('2026-11-25');
    for (const n of [-91.25, -0.5, 0.25, 1.75, 365.9])
      expect(addDays('2026-11-26', n)).toBe(
        new Date(Date.parse('2026-11-26T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10),
      );
  });

  it('keeps Date behaviour for what is not a day', () => {
    expect(dayNumber('2026-02-31')).toBe(dayNumber('2026-03-03')); // rolls over, as Date.parse does
    expect(dayNumber('2026-13-01')).toBeNaN();
    expect(dayNumber('2026-1x-01')).toBeNaN();
    expect(dayNumber('not a day')).toBeNaN();
    expect(daysBetween('garbage', '2026-01-01')).toBeNaN();
    expect(() => addDays('garbage', 1)).toThrow(RangeError);
  });

  it('gives the UTC midnight of a day', () => {
    expect(utcMidnightOf('2026-11-26')).toBe(Date.parse('2026-11-26T00:00:00Z'));
  });
});

describe('weekdays, day ranges and wall-clock numbers', () => {
  it('gives the ISO weekday (1 = Monday … 7 = Sunday) Date gives, for every day from 1900 to 2100', () => {
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2100-12-31'); n++) {
      const sundayZero = new Date(n * DAY_MS).getUTCDay();
      expect(weekdayOf(dayOfNumber(n))).toBe(sundayZero === 0 ? 7 : sundayZero);
    }
  });

  it.each([
    ['2026-03-02', 1],
    ['2026-03-08', 7],
    ['2024-02-29', 4],
    ['1970-01-01', 4],
  ])('%s is weekday %i', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('lists every day of a range once, both ends included, across a leap day', () => {
    expect(eachDay('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(eachDay('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('does wall-clock arithmetic without a zone', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(wallParts(wallOf('2026-12-31', '23:30') + 90 * 60_000)).toEqual({
      day: '2027-01-01',
      time: '01:00',
    });
  });
});
