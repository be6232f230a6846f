import { describe, expect, it } from 'vitest';
import {
  changesFromPeriods,
  earlyTreatmentWatch,
  isAntidepressant,
  watchCheckDue,
  type AntidepressantChange,
} from './early-treatment-watch.js';
import { measuresDue } from './schedule.js';

const change = (day: string, kind: AntidepressantChange['kind'] = 'started'): AntidepressantChange => ({
  medicationId: 'm1',
  medicationName: 'Sertraline',
  kind,
  day,
});

describe('early-treatment watch (medication-safety.md section 5)', () => {
  it.each([
    // [birth date, change day, today, watch?]
    ['2005-06-01', '2026-03-01', '2026-03-01', true], // 20: start day itself
    ['2005-06-01', '2026-03-01', '2026-03-29', true], // week 4, last day
    ['2005-06-01', '2026-03-01', '2026-03-30', false], // after week 4
    ['2005-06-01', '2026-03-10', '2026-03-05', false], // a change not yet in effect
    ['2001-03-02', '2026-03-01', '2026-03-08', true], // 24 on the day of the change
    ['2001-03-01', '2026-03-01', '2026-03-08', false], // 25 on the day of the change
    ['1980-01-01', '2026-03-01', '2026-03-08', false],
  ])('born %s, antidepressant change %s, today %s → %s', (birth, day, today, on) => {
    expect(earlyTreatmentWatch(birth, [change(day)], today) !== null).toBe(on);
  });

  it('no birth date, no watch', () =>
    expect(earlyTreatmentWatch(null, [change('2026-03-01')], '2026-03-02')).toBeNull());

  it('the latest change restarts the watch, with checks at 1, 2 and 4 weeks', () => {
    const w = earlyTreatmentWatch(
      '2006-01-01',
      [change('2026-01-01'), change('2026-03-01', 'dose_changed')],
      '2026-03-03',
    );
    expect(w).toEqual({
      medicationId: 'm1',
      medicationName: 'Sertraline',
      kind: 'dose_changed',
      since: '2026-03-01',
      until: '2026-03-29',
      checks: ['2026-03-08', '2026-03-15', '2026-03-29'],
    });
  });

  it.each([
    [null, '2026-03-08'],
    ['2026-02-28', '2026-03-08'], // answered before the change: week 1 still due
    ['2026-03-05', '2026-03-15'], // 3 days early counts for week 1
    ['2026-03-04', '2026-03-08'],
    ['2026-03-14', '2026-03-29'], // one answer at week 2 covers a missed week 1
    ['2026-03-27', null],
  ])('last PHQ-9 %s → next extra check %s', (last, next) => {
    const w = earlyTreatmentWatch('2006-01-01', [change('2026-03-01')], '2026-03-02');
    expect(w && watchCheckDue(w, last)).toBe(next);
  });

  it('starts and dose changes come from the dose periods; pauses and schedule-only changes do not count', () => {
    expect(
      changesFromPeriods('m1', 'Sertraline', [
        { from: '2026-01-01', doseAmount: 50, doseUnit: 'mg', paused: false },
        { from: '2026-01-15', doseAmount: 50, doseUnit: 'mg', paused: false },
        { from: '2026-02-01', doseAmount: 50, doseUnit: 'mg', paused: true },
        { from: '2026-02-10', doseAmount: 100, doseUnit: 'mg', paused: false },
      ]).map((c) => [c.kind, c.day]),
    ).toEqual([
      ['started', '2026-01-01'],
      ['dose_changed', '2026-02-10'],
    ]);
  });

  it.each([
    [['Sertraline'], null, true],
    [['Zoloft 50 mg'], null, true],
    [['Lustral'], null, true], // UK brand, through the shared resolver
    [['Zyban'], null, true],
    [['My pill'], 'antidepressant', true],
    [['Lithium'], 'mood stabilizer', false],
    [['Quetiapine'], null, false],
  ] as const)('%j (group %s) is an antidepressant: %s', (names, group, yes) =>
    expect(isAntidepressant(names, group)).toBe(yes),
  );
});

describe('the extra PHQ-9 in the due schedule', () => {
  const answered = { phq9: { baselineDay: '2026-01-05', lastDay: '2026-02-23' } };
  const watch = earlyTreatmentWatch('2006-01-01', [change('2026-03-01', 'dose_changed')], '2026-03-02');
  it('brings the PHQ-9 forward to week 1 of the watch, marked as the watch', () => {
    const due = measuresDue({
      planRules: null,
      startDay: '2026-01-05',
      today: '2026-03-02',
      answered,
      earlyWatch: watch,
    });
    expect(due.find((m) => m.instrument === 'phq9')).toMatchObject({
      dueDate: '2026-03-08',
      status: 'upcoming',
      earlyTreatmentWatch: true,
    });
    // Without the watch the regular two-weekly PHQ-9 is due on 9 March.
    const plain = measuresDue({ planRules: null, startDay: '2026-01-05', today: '2026-03-02', answered });
    expect(plain.find((m) => m.instrument === 'phq9')).toMatchObject({ dueDate: '2026-03-09' });
    expect(plain.find((m) => m.instrument === 'phq9')?.earlyTreatmentWatch).toBeUndefined();
  });

  it('adds the PHQ-9 when the plan measures only the GAD-7', () => {
    const due = measuresDue({
      planRules: [
        {
          instrument: 'GAD-7',
          atBaseline: true,
          everyWeeksEarly: 2,
          earlyPhaseWeeks: 12,
          everyWeeksAfter: 4,
        },
      ],
      startDay: '2026-01-05',
      today: '2026-03-02',
      answered,
      earlyWatch: watch,
    });
    expect(due.map((m) => [m.instrument, m.dueDate])).toEqual([
      ['gad7', '2026-01-05'],
      ['phq9', '2026-03-08'],
    ]);
  });
});
