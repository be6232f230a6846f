import { addDays, instantAt, localDate, localTime, weekdayOf } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import {
  expandScheduledDoses,
  periodInEffect,
  upcomingPeriods,
  type DosePeriod,
  type Regimen,
} from './schedule.js';

const daily = (times: string[]): DosePeriod['schedule'] => ({ kind: 'times', times, weekdays: null });
const regimen = (periods: DosePeriod[], endDate: string | null = null): Regimen => ({
  medicationId: 'med1',
  displayName: 'Sertraline',
  startDate: periods[0]?.from ?? '2025-01-01',
  endDate,
  periods,
});
const period = (
  from: string,
  schedule: DosePeriod['schedule'],
  doseAmount = 50,
  paused = false,
): DosePeriod => ({
  from,
  doseAmount,
  doseUnit: 'mg',
  schedule,
  paused,
});
const utc = (t: number) => new Date(t).toISOString();

describe('instantAt / localDate across DST and far zones', () => {
  it.each([
    {
      name: 'New York, normal winter day',
      day: '2025-01-15',
      time: '08:00',
      tz: 'America/New_York',
      utc: '2025-01-15T13:00:00.000Z',
    },
    {
      name: 'New York spring forward: 02:30 does not exist → 03:30 EDT',
      day: '2025-03-09',
      time: '02:30',
      tz: 'America/New_York',
      utc: '2025-03-09T07:30:00.000Z',
    },
    {
      name: 'New York fall back: 01:30 twice → first (EDT)',
      day: '2025-11-02',
      time: '01:30',
      tz: 'America/New_York',
      utc: '2025-11-02T05:30:00.000Z',
    },
    {
      name: 'London spring forward: 01:30 → 02:30 BST',
      day: '2025-03-30',
      time: '01:30',
      tz: 'Europe/London',
      utc: '2025-03-30T01:30:00.000Z',
    },
    {
      name: 'London fall back: 01:30 twice → first (BST)',
      day: '2025-10-26',
      time: '01:30',
      tz: 'Europe/London',
      utc: '2025-10-26T00:30:00.000Z',
    },
    {
      name: 'Kiritimati (UTC+14): morning is the previous UTC day',
      day: '2025-06-01',
      time: '08:00',
      tz: 'Pacific/Kiritimati',
      utc: '2025-05-31T18:00:00.000Z',
    },
    {
      name: 'Chatham summer (UTC+13:45)',
      day: '2025-01-10',
      time: '09:00',
      tz: 'Pacific/Chatham',
      utc: '2025-01-09T19:15:00.000Z',
    },
    {
      name: 'Chatham winter (UTC+12:45)',
      day: '2025-07-10',
      time: '09:00',
      tz: 'Pacific/Chatham',
      utc: '2025-07-09T20:15:00.000Z',
    },
  ])('$name', ({ day, time, tz, utc: expected }) => {
    const t = instantAt(day, time, tz);
    expect(utc(t)).toBe(expected);
  });

  it('round-trips local day and time', () => {
    const t = instantAt('2025-06-01', '08:00', 'Pacific/Kiritimati');
    expect(localDate(t, 'Pacific/Kiritimati')).toBe('2025-06-01');
    expect(localTime(t, 'Pacific/Kiritimati')).toBe('08:00');
  });

  it('weekdays and day arithmetic', () => {
    expect(weekdayOf('2025-03-03')).toBe(1);
    expect(weekdayOf('2025-03-09')).toBe(7);
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('expandScheduledDoses', () => {
  it.each([
    {
      name: 'daily 08:00 over the New York spring-forward day keeps 08:00 local',
      r: regimen([period('2025-03-08', daily(['08:00']))]),
      from: '2025-03-08',
      to: '2025-03-10',
      tz: 'America/New_York',
      expected: ['2025-03-08T13:00:00.000Z', '2025-03-09T12:00:00.000Z', '2025-03-10T12:00:00.000Z'],
    },
    {
      name: 'a 02:30 dose on the spring-forward day moves to 03:30; its key keeps 02:30',
      r: regimen([period('2025-03-09', daily(['02:30']))]),
      from: '2025-03-09',
      to: '2025-03-09',
      tz: 'America/New_York',
      expected: ['2025-03-09T07:30:00.000Z'],
      keys: ['med1:2025-03-09:02:30'],
    },
    {
      name: 'a 01:30 dose on the fall-back day is given once (first occurrence)',
      r: regimen([period('2025-11-01', daily(['01:30']))]),
      from: '2025-11-02',
      to: '2025-11-02',
      tz: 'America/New_York',
      expected: ['2025-11-02T05:30:00.000Z'],
    },
    {
      name: 'London fall back: twice daily stays at 08:00 and 20:00 local',
      r: regimen([period('2025-10-25', daily(['20:00', '08:00']))]),
      from: '2025-10-25',
      to: '2025-10-26',
      tz: 'Europe/London',
      expected: [
        '2025-10-25T07:00:00.000Z',
        '2025-10-25T19:00:00.000Z',
        '2025-10-26T08:00:00.000Z',
        '2025-10-26T20:00:00.000Z',
      ],
    },
    {
      name: 'weekdays only: Mon/Wed/Fri in one week',
      r: regimen([period('2025-03-01', { kind: 'times', times: ['09:00'], weekdays: [1, 3, 5] })]),
      from: '2025-03-03',
      to: '2025-03-09',
      tz: 'UTC',
      expected: ['2025-03-03T09:00:00.000Z', '2025-03-05T09:00:00.000Z', '2025-03-07T09:00:00.000Z'],
    },
    {
      name: 'every 8 hours from 22:00 crosses midnight',
      r: regimen([period('2025-01-01', { kind: 'every_n_hours', everyHours: 8, firstTime: '22:00' })]),
      from: '2025-01-01',
      to: '2025-01-02',
      tz: 'UTC',
      expected: [
        '2025-01-01T22:00:00.000Z',
        '2025-01-02T06:00:00.000Z',
        '2025-01-02T14:00:00.000Z',
        '2025-01-02T22:00:00.000Z',
      ],
    },
    {
      name: 'every 8 hours follows the wall clock across spring forward (06:00, 14:00, 22:00 local; issue 11)',
      r: regimen([period('2025-03-08', { kind: 'every_n_hours', everyHours: 8, firstTime: '22:00' })]),
      from: '2025-03-09',
      to: '2025-03-09',
      tz: 'America/New_York',
      expected: ['2025-03-09T10:00:00.000Z', '2025-03-09T18:00:00.000Z', '2025-03-10T02:00:00.000Z'],
      keys: ['med1:2025-03-09:06:00', 'med1:2025-03-09:14:00', 'med1:2025-03-09:22:00'],
    },
    {
      name: 'as needed: no scheduled doses',
      r: regimen([period('2025-01-01', { kind: 'as_needed', maxPerDay: 3 })]),
      from: '2025-01-01',
      to: '2025-01-07',
      tz: 'UTC',
      expected: [],
    },
    {
      name: 'paused period: no doses until resumed',
      r: regimen([
        period('2025-01-01', daily(['08:00'])),
        period('2025-01-02', daily(['08:00']), 50, true),
        period('2025-01-04', daily(['08:00'])),
      ]),
      from: '2025-01-01',
      to: '2025-01-04',
      tz: 'UTC',
      expected: ['2025-01-01T08:00:00.000Z', '2025-01-04T08:00:00.000Z'],
    },
    {
      name: 'start and end dates bound the doses',
      r: regimen([period('2025-01-02', daily(['08:00']))], '2025-01-03'),
      from: '2025-01-01',
      to: '2025-01-05',
      tz: 'UTC',
      expected: ['2025-01-02T08:00:00.000Z', '2025-01-03T08:00:00.000Z'],
    },
    {
      name: 'Kiritimati: the local day, not the UTC day, decides',
      r: regimen([period('2025-06-01', daily(['08:00', '21:00']))]),
      from: '2025-06-01',
      to: '2025-06-01',
      tz: 'Pacific/Kiritimati',
      expected: ['2025-05-31T18:00:00.000Z', '2025-06-01T07:00:00.000Z'],
    },
  ])(
    '$name',
    ({
      r,
      from,
      to,
      tz,
      expected,
      keys,
    }: {
      r: Regimen;
      from: string;
      to: string;
      tz: string;
      expected: string[];
      keys?: string[];
    }) => {
      const doses = expandScheduledDoses(r, from, to, tz);
      expect(doses.map((d) => utc(d.dueAt))).toEqual(expected);
      if (keys) expect(doses.map((d) => d.doseKey)).toEqual(keys);
    },
  );

  it('taper: the dose switches on the step day', () => {
    const r = regimen([
      period('2025-03-01', daily(['08:00']), 50),
      period('2025-03-15', daily(['08:00']), 100),
      period('2025-04-01', daily(['08:00']), 50),
    ]);
    const doses = expandScheduledDoses(r, '2025-03-13', '2025-04-02', 'UTC');
    const doseOn = (day: string) => doses.find((d) => d.localDate === day)?.doseAmount;
    expect(doseOn('2025-03-14')).toBe(50);
    expect(doseOn('2025-03-15')).toBe(100);
    expect(doseOn('2025-03-31')).toBe(100);
    expect(doseOn('2025-04-01')).toBe(50);
    expect(periodInEffect(r, '2025-03-14')?.doseAmount).toBe(50);
    expect(periodInEffect(r, '2025-02-28')).toBeNull();
    expect(upcomingPeriods(r, '2025-03-10').map((p) => p.from)).toEqual(['2025-03-15', '2025-04-01']);
  });

  it('a patient moving zone keeps the same local times and the same keys', () => {
    const r = regimen([period('2025-05-01', daily(['08:00', '20:00']))]);
    const ny = expandScheduledDoses(r, '2025-05-10', '2025-05-11', 'America/New_York');
    const london = expandScheduledDoses(r, '2025-05-10', '2025-05-11', 'Europe/London');
    expect(london.map((d) => d.doseKey)).toEqual(ny.map((d) => d.doseKey));
    expect(london.map((d) => localTime(d.dueAt, 'Europe/London'))).toEqual([
      '08:00',
      '20:00',
      '08:00',
      '20:00',
    ]);
    expect(ny[0] && london[0] && ny[0].dueAt - london[0].dueAt).toBe(5 * 3_600_000);
  });
});
