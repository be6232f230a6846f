import { describe, expect, it } from 'vitest';
import type { CountedDose } from '../adherence/adherence.js';
import { missedStretches, weekStartOf, weeklyRates } from './adherence-weeks.js';

let n = 0;
const dose = (localDate: string, taken: boolean): CountedDose => {
  n += 1;
  return {
    medicationId: 'm',
    doseKey: `m:${localDate}:08:00`,
    localDate,
    localTime: '08:00',
    dueAt: n,
    taken,
  };
};

describe('weekStartOf', () => {
  it.each([
    ['2026-11-02', '2026-11-02'], // Monday
    ['2026-11-08', '2026-11-02'], // Sunday
    ['2026-11-01', '2026-10-26'],
    ['2027-01-01', '2026-12-28'], // across the year
  ])('%s is in the week of %s', (day, monday) => {
    expect(weekStartOf(day)).toBe(monday);
  });
});

describe('weeklyRates', () => {
  it('counts taken / scheduled per ISO week with the percent rounded down', () => {
    n = 0;
    const doses = [
      dose('2026-11-01', true), // week of 26 Oct
      dose('2026-11-02', true),
      dose('2026-11-03', false),
      dose('2026-11-04', true),
    ];
    expect(weeklyRates(doses)).toEqual([
      { weekStart: '2026-10-26', taken: 1, scheduled: 1, percent: 100 },
      { weekStart: '2026-11-02', taken: 2, scheduled: 3, percent: 66 },
    ]);
  });
  it('gives nothing for no doses', () => {
    expect(weeklyRates([])).toEqual([]);
  });
});

describe('missedStretches', () => {
  const cases: { name: string; taken: boolean[]; expected: { from: string; to: string; doses: number }[] }[] =
    [
      { name: 'one missed dose is no stretch', taken: [true, false, true], expected: [] },
      {
        name: 'two in a row is a stretch',
        taken: [true, false, false, true],
        expected: [{ from: '2026-11-02', to: '2026-11-03', doses: 2 }],
      },
      {
        name: 'a stretch running to the last dose is closed',
        taken: [false, true, false, false, false],
        expected: [{ from: '2026-11-03', to: '2026-11-05', doses: 3 }],
      },
      { name: 'all taken', taken: [true, true], expected: [] },
    ];
  it.each(cases)('$name', ({ taken, expected }) => {
    n = 0;
    const doses = taken.map((t, i) => dose(`2026-11-0${String(i + 1)}`, t));
    expect(missedStretches(doses)).toEqual(expected);
  });
});
