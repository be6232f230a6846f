import { describe, expect, it } from 'vitest';
import { defaultMeasurementPlan, dueStatus, measuresDue, nextDueDate } from './schedule.js';

const rule = defaultMeasurementPlan[0]!;

describe('nextDueDate (default: baseline, every 2 weeks for 12 weeks, then every 4)', () => {
  it.each([
    { name: 'no answer yet: baseline due on day one', answered: null, due: '2025-01-06' },
    {
      name: 'after baseline',
      answered: { baselineDay: '2025-01-06', lastDay: '2025-01-06' },
      due: '2025-01-20',
    },
    {
      name: 'week 10 answer (early)',
      answered: { baselineDay: '2025-01-06', lastDay: '2025-03-17' },
      due: '2025-03-31',
    },
    {
      name: 'week 12 answer (after)',
      answered: { baselineDay: '2025-01-06', lastDay: '2025-03-31' },
      due: '2025-04-28',
    },
    {
      name: 'late answer moves the next',
      answered: { baselineDay: '2025-01-06', lastDay: '2025-01-25' },
      due: '2025-02-08',
    },
  ])('$name', ({ answered, due }) => {
    expect(nextDueDate(rule, '2025-01-06', answered)).toBe(due);
  });

  it('plan without baseline: first due one interval in', () => {
    expect(nextDueDate({ ...rule, atBaseline: false }, '2025-01-06', null)).toBe('2025-01-20');
  });
});

describe('dueStatus: overdue only when more than 7 days past due', () => {
  it.each([
    ['2025-01-19', 'upcoming', 0],
    ['2025-01-20', 'due', 0],
    ['2025-01-27', 'due', 7],
    ['2025-01-28', 'overdue', 8],
  ] as const)('today %s → %s', (today, status, days) => {
    expect(dueStatus('2025-01-20', today)).toEqual({ status, daysOverdue: days });
  });
});

describe('measuresDue', () => {
  it('uses the default plan without an agreed measurement plan', () => {
    const due = measuresDue({ planRules: null, startDay: '2025-01-06', today: '2025-01-06', answered: {} });
    expect(due.map((d) => [d.instrument, d.dueDate, d.status, d.isBaseline])).toEqual([
      ['phq9', '2025-01-06', 'due', true],
      ['gad7', '2025-01-06', 'due', true],
    ]);
  });

  it('follows the plan: only the questionnaires it names, at its intervals', () => {
    const due = measuresDue({
      planRules: [
        { instrument: 'PHQ-9', atBaseline: true, everyWeeksEarly: 1, earlyPhaseWeeks: 4, everyWeeksAfter: 2 },
      ],
      startDay: '2025-01-06',
      today: '2025-02-01',
      answered: { phq9: { baselineDay: '2025-01-06', lastDay: '2025-01-13' } },
    });
    expect(due).toEqual([
      {
        instrument: 'phq9',
        name: 'PHQ-9',
        dueDate: '2025-01-20',
        status: 'overdue',
        daysOverdue: 12,
        isBaseline: false,
        lastAnsweredDay: '2025-01-13',
      },
    ]);
  });
});
