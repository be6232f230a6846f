import { describe, expect, it } from 'vitest';
import { doseChangeDays, followUpAfterResult, lithiumLevelAfterDoseChange } from './lab-follow-up.js';
import type { DoseSchedule } from '../medications/schedule.js';

const twice: DoseSchedule = { kind: 'times', times: ['08:00', '20:00'], weekdays: null };
const thrice: DoseSchedule = { kind: 'times', times: ['08:00', '14:00', '20:00'], weekdays: null };
const period = (from: string, doseAmount: number, schedule = twice, paused = false) => ({
  from,
  doseAmount,
  doseUnit: 'mg',
  schedule,
  paused,
});

describe('doseChangeDays', () => {
  it.each([
    { name: 'start only', periods: [period('2026-01-01', 300)], expected: ['2026-01-01:started'] },
    {
      name: 'same amount a day in another schedule is no dose change',
      periods: [period('2026-01-01', 300, thrice), period('2026-02-01', 450)],
      expected: ['2026-01-01:started'],
    },
    {
      name: 'amount changed',
      periods: [period('2026-01-01', 300), period('2026-02-01', 450)],
      expected: ['2026-01-01:started', '2026-02-01:dose_changed'],
    },
    {
      name: 'pause then resume at the same dose is a restart',
      periods: [period('2026-01-01', 300), period('2026-02-01', 300, twice, true), period('2026-02-10', 300)],
      expected: ['2026-01-01:started', '2026-02-10:restarted'],
    },
  ])('$name', ({ periods, expected }) => {
    expect(doseChangeDays(periods).map((c) => `${c.on}:${c.kind}`)).toEqual(expected);
  });
});

describe('lithiumLevelAfterDoseChange (lithium label: 5-7 days after starting or any dose change)', () => {
  const periods = [period('2026-01-01', 300), period('2026-03-02', 450)];
  it.each([
    {
      name: 'change today, no level since',
      levels: ['2026-02-01'],
      today: '2026-03-02',
      due: '2026-03-09',
      from: '2026-03-07',
    },
    {
      name: 'a level on day 3 does not count',
      levels: ['2026-03-05'],
      today: '2026-03-06',
      due: '2026-03-09',
      from: '2026-03-07',
    },
    {
      name: 'a level on day 5 covers it',
      levels: ['2026-03-07'],
      today: '2026-03-08',
      due: null,
      from: null,
    },
    { name: 'start not yet covered', levels: [], today: '2026-01-03', due: '2026-01-08', from: '2026-01-06' },
  ])('$name', ({ levels, today, due, from }) => {
    const r = lithiumLevelAfterDoseChange(periods, levels, today);
    expect(r?.dueOn ?? null).toBe(due);
    expect(r?.dueFrom ?? null).toBe(from);
  });

  it('a planned titration step schedules its own level', () => {
    const r = lithiumLevelAfterDoseChange(periods, ['2026-01-07'], '2026-02-20');
    expect(r).toMatchObject({
      dueOn: '2026-03-09',
      reason: expect.stringContaining('dose changed on 2026-03-02') as string,
    });
  });
});

describe('followUpAfterResult', () => {
  it('daily ANC after moderate neutropenia; nothing when the band names no follow-up', () => {
    expect(
      followUpAfterResult({ takenOn: '2026-05-01', followUpDays: 1, followUpText: 'daily ANC' })?.dueOn,
    ).toBe('2026-05-02');
    expect(followUpAfterResult({ takenOn: '2026-05-01', followUpDays: null, followUpText: null })).toBeNull();
    expect(followUpAfterResult(null)).toBeNull();
  });
});
