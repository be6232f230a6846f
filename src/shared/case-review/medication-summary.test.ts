import { describe, expect, it } from 'vitest';
import type { DosePeriod, Regimen } from '../medications/schedule.js';
import { medicationSummary } from './medication-summary.js';

const period = (from: string, doseAmount: number, paused = false): DosePeriod => ({
  from,
  doseAmount,
  doseUnit: 'mg',
  schedule: { kind: 'times', times: ['08:00'], weekdays: null },
  paused,
});
const regimen = (name: string, periods: DosePeriod[], endDate: string | null = null): Regimen => ({
  medicationId: name,
  displayName: name,
  startDate: periods[0]?.from ?? '2026-01-01',
  endDate,
  periods,
});

describe('medication cells of the case-review list', () => {
  it.each([
    ['none', [], '2026-12-07', [], null],
    [
      'one start',
      [regimen('Sertraline', [period('2026-10-01', 50)])],
      '2026-12-07',
      ['Sertraline 50 mg'],
      { day: '2026-10-01', summary: 'Sertraline started at 50 mg' },
    ],
    [
      'a dose increase is the last change',
      [regimen('Sertraline', [period('2026-10-01', 50), period('2026-11-02', 100)])],
      '2026-12-07',
      ['Sertraline 100 mg'],
      { day: '2026-11-02', summary: 'Sertraline 50 mg → 100 mg' },
    ],
    [
      'a planned step after today is not yet a change',
      [regimen('Sertraline', [period('2026-10-01', 50), period('2026-12-20', 100)])],
      '2026-12-07',
      ['Sertraline 50 mg'],
      { day: '2026-10-01', summary: 'Sertraline started at 50 mg' },
    ],
    [
      'a stop ends the current list and is the latest change',
      [
        regimen('Bupropion', [period('2026-09-01', 150)], '2026-11-30'),
        regimen('Sertraline', [period('2026-10-01', 50)]),
      ],
      '2026-12-07',
      ['Sertraline 50 mg'],
      { day: '2026-11-30', summary: 'Bupropion stopped' },
    ],
    [
      'a pause shows on the current list',
      [regimen('Lithium', [period('2026-09-01', 400), period('2026-12-01', 400, true)])],
      '2026-12-07',
      ['Lithium 400 mg (paused)'],
      { day: '2026-12-01', summary: 'Lithium paused' },
    ],
  ] as const)('%s', (_name, regimens, today, medications, lastChange) => {
    expect(medicationSummary(regimens, today)).toEqual({ medications, lastChange });
  });
});
