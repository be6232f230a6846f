import { describe, expect, it } from 'vitest';
import {
  dueOffsets,
  monitoringTests,
  nextDue,
  overdueSeverity,
  testsForPrograms,
  withEarlierDue,
} from './monitoring.js';

const test = (code: string) => {
  const t = monitoringTests.find((m) => m.code === code);
  if (!t) throw new Error(code);
  return t;
};

describe('monitoring due offsets (days after start)', () => {
  it.each([
    // ADA/APA consensus, Diabetes Care 2004;27:596-601
    { code: 'weight', horizon: 400, expected: [0, 28, 56, 84, 175, 266, 357] },
    { code: 'blood_pressure', horizon: 800, expected: [0, 84, 364, 728] },
    { code: 'fasting_lipids', horizon: 2000, expected: [0, 84, 1820] },
    // Clozapine label: weekly 6 months, every 2 weeks months 6-12, monthly after
    {
      code: 'anc',
      horizon: 400,
      expected: [
        0,
        ...Array.from({ length: 26 }, (_, i) => (i + 1) * 7),
        ...Array.from({ length: 13 }, (_, i) => 196 + i * 14),
        392,
      ],
    },
    { code: 'lithium_level', horizon: 210, expected: [7, 14, 21, 28, 119, 210] },
    { code: 'liver_function', horizon: 400, expected: [0, 28, 56, 84, 112, 140, 168, 364] },
  ])('$code', ({ code, horizon, expected }) => {
    expect(dueOffsets(test(code).spec, horizon)).toEqual(expected);
  });
});

describe('nextDue', () => {
  it.each([
    {
      name: 'no result: baseline due on the start day',
      code: 'weight',
      results: [],
      today: '2025-01-01',
      due: '2025-01-01',
      status: 'due_soon',
      late: 0,
    },
    {
      name: 'baseline taken 10 days before start counts',
      code: 'weight',
      results: ['2024-12-22'],
      today: '2025-01-01',
      due: '2025-01-29',
      status: 'scheduled',
      late: 0,
    },
    {
      name: 'week 4 weight missing at week 5: overdue 7 days',
      code: 'weight',
      results: ['2025-01-01'],
      today: '2025-02-05',
      due: '2025-01-29',
      status: 'overdue',
      late: 7,
    },
    {
      name: 'late week-4 weight at week 6 covers week 4; week 8 next',
      code: 'weight',
      results: ['2025-01-01', '2025-02-12'],
      today: '2025-02-12',
      due: '2025-02-26',
      status: 'scheduled',
      late: 0,
    },
    {
      name: 'clozapine ANC: weekly check due after baseline',
      code: 'anc',
      results: ['2025-01-01'],
      today: '2025-01-06',
      due: '2025-01-08',
      status: 'due_soon',
      late: 0,
    },
    {
      name: 'glucose after week 12: yearly',
      code: 'fasting_glucose',
      results: ['2025-01-01', '2025-03-26'],
      today: '2025-06-01',
      due: '2025-12-31',
      status: 'scheduled',
      late: 0,
    },
  ])('$name', ({ code, results, today, due, status, late }) => {
    const d = nextDue(test(code), '2025-01-01', null, results, today);
    expect(d.dueOn).toBe(due);
    expect(d.status).toBe(status);
    expect(d.daysOverdue).toBe(late);
  });

  it('nothing due after the medication ended', () => {
    const d = nextDue(test('weight'), '2025-01-01', '2025-01-20', ['2025-01-01'], '2025-06-01');
    expect(d.status).toBe('none');
    expect(d.dueOn).toBeNull();
  });

  it('severity: routine, high after more than 14 days overdue', () => {
    expect(overdueSeverity(14)).toBe('routine');
    expect(overdueSeverity(15)).toBe('high');
  });
});

describe('laboratory tests of the programs (issue 11, medication-safety.md §3)', () => {
  it('lithium: level, kidney, thyroid, calcium; valproate: ALT, AST, level, platelets', () => {
    expect(testsForPrograms(['lithium']).map((t) => t.code)).toEqual([
      'lithium_level',
      'renal_function',
      'thyroid_function',
      'calcium',
    ]);
    expect(testsForPrograms(['valproate_lft']).map((t) => t.code)).toEqual([
      'liver_function',
      'ast',
      'valproate_level',
      'platelets',
    ]);
  });

  it.each([
    { code: 'calcium', horizon: 400, expected: [0, 182, 364] },
    { code: 'platelets', horizon: 400, expected: [0, 28, 56, 84, 112, 140, 168, 364] },
    { code: 'valproate_level', horizon: 200, expected: [0, 28, 56, 84, 112, 140, 168] },
  ])('$code offsets', ({ code, horizon, expected }) => {
    expect(dueOffsets(test(code).spec, horizon)).toEqual(expected);
  });

  it('the lithium level carries its sampling instruction', () => {
    expect(nextDue(test('lithium_level'), '2025-01-01', null, [], '2025-01-01').instruction).toContain(
      '12 hours after the last lithium dose',
    );
    expect(nextDue(test('weight'), '2025-01-01', null, [], '2025-01-01').instruction).toBeNull();
  });
});

describe('withEarlierDue', () => {
  const regular = nextDue(test('anc'), '2025-01-01', null, ['2025-01-01'], '2025-01-03');
  it.each([
    {
      name: 'an earlier follow-up wins, with its reason',
      dueOn: '2025-01-04',
      expected: '2025-01-04',
      reason: 'x',
    },
    {
      name: 'a later one never pushes the regular date back',
      dueOn: '2025-01-20',
      expected: '2025-01-08',
      reason: null,
    },
  ])('$name', ({ dueOn, expected, reason }) => {
    expect(regular.dueOn).toBe('2025-01-08');
    const d = withEarlierDue(regular, { dueOn, dueFrom: null, reason: 'x' }, '2025-01-03');
    expect(d.dueOn).toBe(expected);
    expect(d.reason).toBe(reason);
  });

  it('recomputes the status for the new date', () => {
    const d = withEarlierDue(
      regular,
      { dueOn: '2025-01-02', dueFrom: null, reason: 'daily ANC' },
      '2025-01-03',
    );
    expect(d).toMatchObject({ status: 'overdue', daysOverdue: 1 });
  });
});
