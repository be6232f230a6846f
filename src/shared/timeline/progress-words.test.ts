import { describe, expect, it } from 'vitest';
import { plainDate, progressSentences, type ProgressScore, type ProgressStart } from './progress-words.js';

const phq = (day: string, total: number | null): ProgressScore => ({ instrument: 'phq9', day, total });
const gad = (day: string, total: number | null): ProgressScore => ({ instrument: 'gad7', day, total });
const sertraline: ProgressStart = { kind: 'medicine', name: 'Sertraline', day: '2026-09-08' };
const thoughtRecords: ProgressStart = { kind: 'practice', name: 'Thought record', day: '2026-09-15' };

describe('progressSentences', () => {
  const cases: {
    name: string;
    scores: ProgressScore[];
    starts: ProgressStart[];
    expected: string[];
  }[] = [
    {
      name: 'fall since a medicine and a practice started between first and latest score',
      scores: [phq('2026-09-01', 18), phq('2026-10-01', 13), phq('2026-11-01', 9)],
      starts: [thoughtRecords, sertraline],
      expected: ['Your PHQ-9 has fallen from 18 to 9 since you started sertraline and thought records.'],
    },
    {
      name: 'rise with nothing started in between names the first day',
      scores: [phq('2026-09-01', 6), phq('2026-11-01', 11)],
      starts: [{ ...sertraline, day: '2026-08-01' }],
      expected: ['Your PHQ-9 has gone up from 6 to 11 since 1 September 2026.'],
    },
    {
      name: 'unchanged',
      scores: [gad('2026-09-01', 9), gad('2026-10-01', 9)],
      starts: [],
      expected: ['Your GAD-7 is 9, the same as on 1 September 2026.'],
    },
    {
      name: 'a single score',
      scores: [phq('2026-11-02', 18)],
      starts: [sertraline],
      expected: ['Your first PHQ-9 score was 18, on 2 November 2026.'],
    },
    {
      name: 'partial answers (no total) are left out; order of input does not matter',
      scores: [phq('2026-11-01', 9), phq('2026-10-15', null), phq('2026-09-01', 18)],
      starts: [],
      expected: ['Your PHQ-9 has fallen from 18 to 9 since 1 September 2026.'],
    },
    {
      name: 'a start on the first score day is not "since"; one on the latest day is',
      scores: [phq('2026-09-01', 18), phq('2026-11-01', 9)],
      starts: [
        { kind: 'medicine', name: 'Bupropion', day: '2026-09-01' },
        { kind: 'practice', name: 'Diary card', day: '2026-11-01' },
      ],
      expected: ['Your PHQ-9 has fallen from 18 to 9 since you started diary cards.'],
    },
    {
      name: 'three starts are listed with commas; PHQ-9 before GAD-7',
      scores: [gad('2026-09-01', 15), gad('2026-11-01', 7), phq('2026-09-01', 20), phq('2026-11-01', 4)],
      starts: [sertraline, thoughtRecords, { kind: 'practice', name: 'Activity log', day: '2026-10-01' }],
      expected: [
        'Your PHQ-9 has fallen from 20 to 4 since you started sertraline, thought records and activity logs.',
        'Your GAD-7 has fallen from 15 to 7 since you started sertraline, thought records and activity logs.',
      ],
    },
    { name: 'no scores, no sentences', scores: [], starts: [sertraline], expected: [] },
  ];
  it.each(cases)('$name', ({ scores, starts, expected }) => {
    expect(progressSentences(scores, starts)).toEqual(expected);
  });
});

describe('plainDate', () => {
  it.each([
    ['2026-01-09', '9 January 2026'],
    ['2026-12-31', '31 December 2026'],
  ])('%s reads %s', (day, words) => {
    expect(plainDate(day)).toBe(words);
  });
});
