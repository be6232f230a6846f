import { describe, expect, it } from 'vitest';
import { instrumentStatus, isNotImproving, registryStatus, targetsOf, type ScoreSeries } from './status.js';

// Issue 12: target questionnaire (worst counts), relapse against the best recent score, no remission beside
// a safety concern, remission only after a follow-up.

const s = (
  baseline: number | null,
  latest: number | null,
  followUps = 1,
  extra: Partial<ScoreSeries> = {},
): ScoreSeries => ({
  baseline,
  latest,
  followUps,
  ...extra,
});
const none = s(null, null, 0);

describe('registryStatus with the plan target (worst counts)', () => {
  it.each([
    ['GAD-7 16 → 15 at week 12 with PHQ-9 3 → 3, both', s(3, 3), s(16, 15), 12, 'both', 'not_improving'],
    ['same, plan target PHQ-9 only', s(3, 3), s(16, 15), 12, 'PHQ-9', 'remission'],
    ['same, plan target GAD-7 only', s(3, 3), s(16, 15), 12, 'GAD-7', 'not_improving'],
    ['both, GAD-7 not measured: PHQ-9 alone', s(18, 4), none, 12, 'both', 'remission'],
    ['both: PHQ-9 response, GAD-7 minimal (< 5)', s(20, 9), s(12, 3), 6, 'both', 'response'],
    ['both: PHQ-9 partial, GAD-7 early → early (worse)', s(20, 14), s(10, 9), 6, 'both', 'early'],
    ['GAD-7 target, GAD-7 baseline only late → no data', s(20, 4), s(16, 16, 0), 12, 'GAD-7', 'no_data'],
    ['GAD-7 worsening shows whatever the target', s(20, 4), s(6, 10), 6, 'PHQ-9', 'worsening'],
  ] as const)('%s → %s', (_, phq9, gad7, weeks, target, expected) =>
    expect(registryStatus(phq9, gad7, weeks, undefined, target)).toBe(expected),
  );
});

describe('relapse against the best recent score', () => {
  it.each([
    ['PHQ-9 9 → 19 with baseline 21 (best 9 in 12 weeks)', s(21, 19, 2, { recentBest: 9 }), 'worsening'],
    ['PHQ-9 up 4 from the best: not worsening', s(21, 13, 2, { recentBest: 9 }), 'partial'],
    ['PHQ-9 back from remission 4 to 10', s(20, 10, 2, { recentBest: 4 }), 'worsening'],
    ['no recent best: baseline rules only', s(21, 19, 2, { recentBest: null }), 'early'],
  ] as const)('%s → %s', (_, phq9, expected) => expect(registryStatus(phq9, none, 4)).toBe(expected));

  it('GAD-7 relapse uses its 4-point threshold', () => {
    expect(instrumentStatus(s(15, 11, 2, { recentBest: 7 }), 'gad7', 4)).toBe('worsening');
    expect(instrumentStatus(s(15, 10, 2, { recentBest: 7 }), 'gad7', 4)).toBe('partial');
  });
});

describe('no remission or response beside a safety concern', () => {
  it.each([
    ['PHQ-9 20 → 3 with item 9 that day', s(20, 3, 1, { safetySameDay: true }), 4, 'partial'],
    [
      'PHQ-9 20 → 9 (response) with a self-harm entry that day',
      s(20, 9, 1, { safetySameDay: true }),
      4,
      'partial',
    ],
    ['PHQ-9 20 → 18 at week 11 with item 9', s(20, 18, 1, { safetySameDay: true }), 11, 'not_improving'],
    ['PHQ-9 20 → 3 without a concern', s(20, 3), 4, 'remission'],
  ] as const)('%s → %s', (_, phq9, weeks, expected) =>
    expect(registryStatus(phq9, none, weeks)).toBe(expected),
  );

  it('a baseline alone (3) is never remission', () => {
    expect(registryStatus(s(3, 3, 0), none, 1)).toBe('early');
  });
});

describe('isNotImproving per questionnaire and targetsOf', () => {
  it.each([
    ['GAD-7 16 → 15 at week 12', s(16, 15), 12, 'gad7', true],
    ['GAD-7 16 → 4 at week 12 (minimal band)', s(16, 4), 12, 'gad7', false],
    ['PHQ-9 3 → 3 at week 12 (remission)', s(3, 3), 12, 'phq9', false],
  ] as const)('%s → %s', (_, series, weeks, which, expected) =>
    expect(isNotImproving(series, weeks, undefined, which)).toBe(expected),
  );
  it.each([
    ['PHQ-9', true, ['phq9']],
    ['GAD-7', false, ['gad7']],
    ['both', true, ['phq9', 'gad7']],
    ['both', false, ['phq9']],
  ] as const)('%s (GAD-7 measured %s) → %o', (target, measured, expected) =>
    expect(targetsOf(target, measured)).toEqual(expected),
  );
});
