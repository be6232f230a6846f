import { describe, expect, it } from 'vitest';
import type { DosePeriod } from '../medications/schedule.js';
import {
  differenceWords,
  medicationDifferences,
  takeSnapshot,
  type MedicationRecordNow,
} from './medication-agreement.js';
import { medicationPartSchema } from './schemas.js';

const daily = (from: string, doseAmount: number, paused = false): DosePeriod => ({
  from,
  doseAmount,
  doseUnit: 'mg',
  schedule: { kind: 'times', times: ['08:00'], weekdays: null },
  paused,
});

const sertraline: MedicationRecordNow = {
  id: 'm1',
  name: 'Sertraline',
  status: 'active',
  startDate: '2026-11-02',
  endDate: null,
  periods: [daily('2026-11-02', 50), daily('2026-11-16', 100)],
  version: 1,
  updatedAt: 1000,
};
const bupropion: MedicationRecordNow = {
  id: 'm2',
  name: 'Bupropion',
  status: 'active',
  startDate: '2026-11-20',
  endDate: null,
  periods: [daily('2026-11-20', 150)],
  version: 1,
  updatedAt: 2000,
};

/** The plan as saved on 2026-11-05 with sertraline linked. */
const planWith = (intent: 'continue' | 'change_dose' | 'stop' = 'continue', toStart: string[] = []) =>
  medicationPartSchema.parse({
    strategy: 'Sertraline, aim for 100 mg',
    linked: [{ medicationId: 'm1', intent, snapshot: takeSnapshot(sertraline, '2026-11-05') }],
    toStart: toStart.map((name, i) => ({ id: `s${String(i)}`, name })),
  });

describe('takeSnapshot', () => {
  it('reads the dose that day and the steps planned after it', () => {
    expect(takeSnapshot(sertraline, '2026-11-05')).toEqual({
      name: 'Sertraline',
      takenOn: '2026-11-05',
      dose: '50 mg',
      schedule: '08:00 every day',
      steps: '100 mg from 2026-11-16',
      endDate: null,
      status: 'active',
      recordVersion: 1,
      recordUpdatedAt: 1000,
    });
  });
  it('takes the first dose of a medication that starts later', () => {
    expect(takeSnapshot(bupropion, '2026-11-05')).toMatchObject({ dose: '150 mg', steps: '' });
  });
  it('says paused for a pause', () => {
    const paused = { ...sertraline, periods: [daily('2026-11-02', 50), daily('2026-11-04', 50, true)] };
    expect(takeSnapshot(paused, '2026-11-05')).toMatchObject({
      dose: 'paused',
      schedule: '',
      status: 'paused',
    });
  });
});

describe('medicationDifferences', () => {
  const today = '2026-11-25';
  const cases: {
    name: string;
    plan: ReturnType<typeof planWith>;
    records: MedicationRecordNow[];
    expected: string[];
  }[] = [
    { name: 'unchanged record: none', plan: planWith(), records: [sertraline], expected: [] },
    {
      name: 'a titration step that was already planned comes due: none',
      plan: planWith(),
      records: [{ ...sertraline, version: 1 }],
      expected: [],
    },
    {
      name: 'details edited (new version, same dose and schedule): none',
      plan: planWith(),
      records: [{ ...sertraline, version: 2, updatedAt: 5000 }],
      expected: [],
    },
    {
      name: 'dose changed after the plan',
      plan: planWith(),
      records: [{ ...sertraline, periods: [daily('2026-11-02', 50), daily('2026-11-16', 150)] }],
      expected: [
        'Sertraline: the plan has 50 mg; then 100 mg from 2026-11-16; now 50 mg; then 150 mg from 2026-11-16.',
      ],
    },
    {
      name: 'dose changed as the plan intended',
      plan: planWith('change_dose'),
      records: [{ ...sertraline, periods: [...sertraline.periods, daily('2026-11-20', 150)] }],
      expected: [
        'Sertraline: the plan has 50 mg; then 100 mg from 2026-11-16; now 50 mg; then 100 mg from 2026-11-16; 150 mg from 2026-11-20 (as the plan intended).',
      ],
    },
    {
      name: 'schedule changed',
      plan: planWith(),
      records: [
        {
          ...sertraline,
          periods: [
            { ...daily('2026-11-02', 50), schedule: { kind: 'times', times: ['20:00'], weekdays: null } },
            daily('2026-11-16', 100),
          ],
        },
      ],
      expected: ['Sertraline: the plan has 08:00 every day; now 20:00 every day.'],
    },
    {
      name: 'stopped',
      plan: planWith(),
      records: [{ ...sertraline, status: 'stopped', endDate: '2026-11-20' }],
      expected: ['Sertraline: the plan has it ongoing; now stopped (last day 2026-11-20).'],
    },
    {
      name: 'stopped as the plan intended',
      plan: planWith('stop'),
      records: [{ ...sertraline, status: 'stopped', endDate: '2026-11-20' }],
      expected: [
        'Sertraline: the plan has it ongoing; now stopped (last day 2026-11-20) (as the plan intended).',
      ],
    },
    {
      name: 'a new prescription not in the plan',
      plan: planWith(),
      records: [sertraline, bupropion],
      expected: ['Bupropion (150 mg, 08:00 every day) is not in the plan.'],
    },
    {
      name: 'a new prescription the plan meant to start',
      plan: planWith('continue', ['bupropion']),
      records: [sertraline, bupropion],
      expected: ['Bupropion (150 mg, 08:00 every day) is not in the plan, which intended to start it.'],
    },
    {
      name: 'a stopped medication not in the plan: none',
      plan: planWith(),
      records: [sertraline, { ...bupropion, status: 'stopped', endDate: '2026-11-21' }],
      expected: [],
    },
    {
      name: 'the linked record is gone',
      plan: planWith(),
      records: [],
      expected: [
        "Sertraline: the plan links a medication record that is no longer in the patient's medications.",
      ],
    },
    {
      name: 'an old plan with only a strategy and no medications: none',
      plan: medicationPartSchema.parse({ strategy: 'No medication for now' }),
      records: [],
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ plan, records, expected }) => {
    expect(medicationDifferences(plan, records, today).map(differenceWords)).toEqual(expected);
  });

  it('a link the server never snapshotted is not compared', () => {
    const plan = medicationPartSchema.parse({ linked: [{ medicationId: 'm1' }] });
    expect(medicationDifferences(plan, [sertraline], today)).toEqual([]);
  });
});
