import { describe, expect, it } from 'vitest';
import type { DoseSchedule, Regimen } from '../medications/schedule.js';
import { forecastRefill, isLowSupply, unitsPerDose } from './refill.js';

const daily = (...times: string[]): DoseSchedule => ({ kind: 'times', times, weekdays: null });
const period = (from: string, doseAmount: number, schedule: DoseSchedule, paused = false) => ({
  from,
  doseAmount,
  doseUnit: 'mg',
  schedule,
  paused,
});
const regimen = (periods: Regimen['periods'], endDate: string | null = null): Regimen => ({
  medicationId: 'med-1',
  displayName: 'Sertraline',
  startDate: periods[0]?.from ?? '2026-03-01',
  endDate,
  periods,
});

describe('forecastRefill', () => {
  const cases: {
    name: string;
    regimen: Regimen;
    supply: { quantity: number; unitStrength: number | null; countedOn: string };
    today: string;
    want: { runsOutOn: string | null; daysLeft: number | null; unitsLeftToday: number; basis: string };
  }[] = [
    {
      name: 'once daily, 30 tablets counted today: the 31st day is the first without a tablet',
      regimen: regimen([period('2026-03-01', 50, daily('08:00'))]),
      supply: { quantity: 30, unitStrength: 50, countedOn: '2026-03-01' },
      today: '2026-03-01',
      want: { runsOutOn: '2026-03-31', daysLeft: 30, unitsLeftToday: 30, basis: 'schedule' },
    },
    {
      name: 'twice daily, counted 10 days ago',
      regimen: regimen([period('2026-03-01', 1, daily('08:00', '20:00'))]),
      supply: { quantity: 28, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-11',
      want: { runsOutOn: '2026-03-15', daysLeft: 4, unitsLeftToday: 8, basis: 'schedule' },
    },
    {
      name: 'titration 50 → 100 mg with 50 mg tablets: the second step uses two a day',
      regimen: regimen([period('2026-03-01', 50, daily('08:00')), period('2026-03-15', 100, daily('08:00'))]),
      supply: { quantity: 30, unitStrength: 50, countedOn: '2026-03-01' },
      today: '2026-03-01',
      // 14 days × 1 = 14, leaves 16 = 8 days × 2 → runs out on 23 March
      want: { runsOutOn: '2026-03-23', daysLeft: 22, unitsLeftToday: 30, basis: 'schedule' },
    },
    {
      name: 'taper with half tablets (25 mg from 50 mg tablets)',
      regimen: regimen([period('2026-03-01', 50, daily('08:00')), period('2026-03-03', 25, daily('08:00'))]),
      supply: { quantity: 3, unitStrength: 50, countedOn: '2026-03-01' },
      today: '2026-03-01',
      // 1 + 1 + 0.5 × 2 = 3 tablets cover 1–4 March
      want: { runsOutOn: '2026-03-05', daysLeft: 4, unitsLeftToday: 3, basis: 'schedule' },
    },
    {
      name: 'a pause uses nothing',
      regimen: regimen([
        period('2026-03-01', 1, daily('08:00')),
        period('2026-03-03', 1, daily('08:00'), true),
        period('2026-03-10', 1, daily('08:00')),
      ]),
      supply: { quantity: 4, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-01',
      want: { runsOutOn: '2026-03-12', daysLeft: 11, unitsLeftToday: 4, basis: 'schedule' },
    },
    {
      name: 'weekdays only (Mon, Wed, Fri)',
      regimen: regimen([period('2026-03-02', 1, { kind: 'times', times: ['09:00'], weekdays: [1, 3, 5] })]),
      supply: { quantity: 3, unitStrength: null, countedOn: '2026-03-02' },
      today: '2026-03-02',
      // Mon 2, Wed 4, Fri 6 → out on Mon 9
      want: { runsOutOn: '2026-03-09', daysLeft: 7, unitsLeftToday: 3, basis: 'schedule' },
    },
    {
      name: 'every 8 hours from 06:00 uses three a day',
      regimen: regimen([
        period('2026-03-01', 1, { kind: 'every_n_hours', everyHours: 8, firstTime: '06:00' }),
      ]),
      supply: { quantity: 9, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-01',
      want: { runsOutOn: '2026-03-04', daysLeft: 3, unitsLeftToday: 9, basis: 'schedule' },
    },
    {
      name: 'as needed is forecast at its maximum per day',
      regimen: regimen([period('2026-03-01', 0.5, { kind: 'as_needed', maxPerDay: 2 })]),
      supply: { quantity: 10, unitStrength: 0.5, countedOn: '2026-03-01' },
      today: '2026-03-02',
      want: { runsOutOn: '2026-03-06', daysLeft: 4, unitsLeftToday: 8, basis: 'as_needed_max' },
    },
    {
      name: 'a planned end before the supply runs out: it never runs out',
      regimen: regimen([period('2026-03-01', 1, daily('08:00'))], '2026-03-10'),
      supply: { quantity: 30, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-05',
      want: { runsOutOn: null, daysLeft: null, unitsLeftToday: 26, basis: 'schedule' },
    },
    {
      name: 'already run out before today',
      regimen: regimen([period('2026-03-01', 1, daily('08:00'))]),
      supply: { quantity: 2, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-10',
      want: { runsOutOn: '2026-03-03', daysLeft: -7, unitsLeftToday: 0, basis: 'schedule' },
    },
    {
      name: 'counted on a future day (a pharmacy pickup planned): full quantity until then',
      regimen: regimen([period('2026-03-01', 1, daily('08:00'))]),
      supply: { quantity: 5, unitStrength: null, countedOn: '2026-03-20' },
      today: '2026-03-10',
      want: { runsOutOn: '2026-03-25', daysLeft: 15, unitsLeftToday: 5, basis: 'schedule' },
    },
    {
      name: 'nothing due (paused from the start)',
      regimen: regimen([period('2026-03-01', 1, daily('08:00'), true)]),
      supply: { quantity: 5, unitStrength: null, countedOn: '2026-03-01' },
      today: '2026-03-01',
      want: { runsOutOn: null, daysLeft: null, unitsLeftToday: 5, basis: 'no_doses' },
    },
  ];
  it.each(cases)('$name', ({ regimen: r, supply, today, want }) => {
    expect(forecastRefill(r, supply, today, 'America/New_York')).toEqual(want);
  });

  it('gives the same date in a zone far from UTC and across a DST change', () => {
    const r = regimen([period('2026-03-01', 1, daily('02:30'))]);
    const supply = { quantity: 14, unitStrength: null, countedOn: '2026-03-01' };
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'UTC'])
      expect(forecastRefill(r, supply, '2026-03-01', zone).runsOutOn).toBe('2026-03-15');
  });
});

describe('low supply', () => {
  it.each([
    [8, false],
    [7, true],
    [0, true],
    [-2, true],
    [null, false],
  ] as const)('%s days left → low %s', (daysLeft, low) => {
    expect(
      isLowSupply({
        unitsLeftToday: 1,
        runsOutOn: daysLeft === null ? null : 'x',
        daysLeft,
        basis: 'schedule',
      }),
    ).toBe(low);
  });
  it('units per dose', () => {
    expect(unitsPerDose(100, 50)).toBe(2);
    expect(unitsPerDose(100, null)).toBe(1);
  });
});
