import { describe, expect, it } from 'vitest';
import { feedbackClosesOn, feedbackWindow, isLowRating, treatmentRatingDue } from './rules.js';

describe('treatmentRatingDue', () => {
  const cases: [string, Parameters<typeof treatmentRatingDue>[0], { dueDay: string; isDue: boolean }][] = [
    [
      'never rated: due 28 days after enrolment, not before',
      { enrolledDay: '2026-01-01', firstRatedDay: null, lastRatedDay: null, today: '2026-01-28' },
      { dueDay: '2026-01-29', isDue: false },
    ],
    [
      'never rated: due on the 28th day',
      { enrolledDay: '2026-01-01', firstRatedDay: null, lastRatedDay: null, today: '2026-01-29' },
      { dueDay: '2026-01-29', isDue: true },
    ],
    [
      'rated once: next due 28 days after the first rating',
      {
        enrolledDay: '2026-01-01',
        firstRatedDay: '2026-02-03',
        lastRatedDay: '2026-02-03',
        today: '2026-03-02',
      },
      { dueDay: '2026-03-03', isDue: false },
    ],
    [
      'overdue stays due',
      {
        enrolledDay: '2026-01-01',
        firstRatedDay: '2026-02-03',
        lastRatedDay: '2026-02-03',
        today: '2026-04-20',
      },
      { dueDay: '2026-03-03', isDue: true },
    ],
    [
      'a late answer keeps the grid of the first rating',
      {
        enrolledDay: '2026-01-01',
        firstRatedDay: '2026-02-03',
        lastRatedDay: '2026-03-10',
        today: '2026-03-20',
      },
      { dueDay: '2026-03-31', isDue: false },
    ],
    [
      'an answer on a grid day moves to the next one',
      {
        enrolledDay: '2026-01-01',
        firstRatedDay: '2026-02-03',
        lastRatedDay: '2026-03-03',
        today: '2026-03-03',
      },
      { dueDay: '2026-03-31', isDue: false },
    ],
    [
      'across a year end and a leap day',
      {
        enrolledDay: '2027-12-20',
        firstRatedDay: '2028-02-10',
        lastRatedDay: '2028-02-10',
        today: '2028-03-09',
      },
      { dueDay: '2028-03-09', isDue: true },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(treatmentRatingDue(input)).toEqual(expected);
  });
});

describe('session feedback window and low ratings', () => {
  it('closes 14 days after the session day', () => {
    expect(feedbackClosesOn('2026-11-20')).toBe('2026-12-04');
  });
  it.each([
    [1000, '2026-11-20', 999, '2026-11-20', 'not_yet'],
    [1000, '2026-11-20', 1000, '2026-11-20', 'open'],
    [1000, '2026-11-20', 5000, '2026-12-04', 'open'],
    [1000, '2026-11-20', 5000, '2026-12-05', 'closed'],
  ] as const)('session at %d on %s, now %d on %s → %s', (at, day, now, today, expected) => {
    expect(feedbackWindow(at, day, now, today)).toBe(expected);
  });
  it.each([
    [4, 10, 4, true],
    [10, 4, 4, true],
    [5, 5, 4, false],
    [0, 0, 0, true],
    [1, 1, 0, false],
  ] as const)('goals %d, heard %d, threshold %d → low %s', (goals, heard, threshold, low) => {
    expect(isLowRating(goals, heard, threshold)).toBe(low);
  });
});
