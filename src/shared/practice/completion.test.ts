import { describe, expect, it } from 'vitest';
import { completionOf, frequencyWords, type CompletionInput } from './completion.js';

const base: Omit<CompletionInput, 'frequency' | 'doneDays' | 'today'> = {
  startDay: '2026-11-02', // a Monday
  dueDay: '2026-11-29',
  endedDay: null,
};

describe('completionOf', () => {
  it.each<[string, Partial<CompletionInput> & Pick<CompletionInput, 'frequency'>, [number, number]]>([
    // daily: today not counted until done
    [
      'daily, nothing done, 3 days over',
      { frequency: { kind: 'daily' }, today: '2026-11-05', doneDays: [] },
      [0, 3],
    ],
    [
      'daily, today done counts at once',
      { frequency: { kind: 'daily' }, today: '2026-11-05', doneDays: ['2026-11-02', '2026-11-05'] },
      [2, 4],
    ],
    [
      'daily, two entries one day count once',
      { frequency: { kind: 'daily' }, today: '2026-11-04', doneDays: ['2026-11-02', '2026-11-02'] },
      [1, 2],
    ],
    [
      'daily, entries outside the span ignored',
      { frequency: { kind: 'daily' }, today: '2026-11-04', doneDays: ['2026-11-01', '2026-12-01'] },
      [0, 2],
    ],
    [
      'daily, first day not over',
      { frequency: { kind: 'daily' }, today: '2026-11-02', doneDays: [] },
      [0, 0],
    ],
    // weekly: a running week counts only when its quota is met
    [
      '3/week, week 1 over with 2, week 2 running with 1',
      {
        frequency: { kind: 'weekly', timesPerWeek: 3 },
        today: '2026-11-10',
        doneDays: ['2026-11-02', '2026-11-04', '2026-11-09'],
      },
      [2, 3],
    ],
    [
      '3/week, extra in week 1 does not cover week 2',
      {
        frequency: { kind: 'weekly', timesPerWeek: 3 },
        today: '2026-11-16',
        doneDays: ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'],
      },
      [3, 6],
    ],
    [
      '2/week, running week already met counts',
      {
        frequency: { kind: 'weekly', timesPerWeek: 2 },
        today: '2026-11-04',
        doneDays: ['2026-11-02', '2026-11-03'],
      },
      [2, 2],
    ],
    [
      '5/week, a 2-day last window expects 2',
      {
        frequency: { kind: 'weekly', timesPerWeek: 5 },
        dueDay: '2026-11-10',
        today: '2026-11-20',
        doneDays: ['2026-11-09'],
      },
      [1, 7],
    ],
    // once
    [
      'once, not due yet, not done',
      { frequency: { kind: 'once' }, today: '2026-11-10', doneDays: [] },
      [0, 0],
    ],
    [
      'once, done early',
      { frequency: { kind: 'once' }, today: '2026-11-10', doneDays: ['2026-11-03'] },
      [1, 1],
    ],
    ['once, past due, not done', { frequency: { kind: 'once' }, today: '2026-11-30', doneDays: [] }, [0, 1]],
    // ended by the therapist: nothing after the end is expected
    [
      'daily, ended on day 3',
      { frequency: { kind: 'daily' }, endedDay: '2026-11-04', today: '2026-11-20', doneDays: ['2026-11-03'] },
      [1, 3],
    ],
    [
      'due before start',
      { frequency: { kind: 'daily' }, dueDay: '2026-11-01', today: '2026-11-20', doneDays: [] },
      [0, 0],
    ],
  ])('%s', (_name, input, [completed, expected]) => {
    const result = completionOf({ ...base, doneDays: [], today: '2026-11-02', ...input });
    expect(result.completed).toBe(completed);
    expect(result.expected).toBe(expected);
    expect(result.rate).toBe(expected === 0 ? null : completed / expected);
  });

  it('never credits more than expected', () => {
    const many = Array.from({ length: 40 }, () => '2026-11-03');
    const r = completionOf({
      ...base,
      frequency: { kind: 'weekly', timesPerWeek: 7 },
      today: '2026-11-30',
      doneDays: many,
    });
    // 40 entries in one week are credited as that week's 7; the other three weeks stay missed.
    expect(r.completed).toBe(7);
    expect(r.done).toBe(40);
    expect(r.expected).toBe(28);
  });
});

describe('frequencyWords', () => {
  it.each([
    [{ kind: 'daily' } as const, 'Daily'],
    [{ kind: 'once' } as const, 'Once'],
    [{ kind: 'weekly', timesPerWeek: 1 } as const, 'Once a week'],
    [{ kind: 'weekly', timesPerWeek: 3 } as const, '3 times a week'],
  ])('%j → %s', (f, words) => {
    expect(frequencyWords(f)).toBe(words);
  });
});
