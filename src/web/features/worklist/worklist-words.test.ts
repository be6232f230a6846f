import { describe, expect, it } from 'vitest';
import { adherenceWords, trendWords } from './worklist-words';

describe('trendWords', () => {
  it.each([
    [null, '—', 'not answered'],
    [{ latest: 9, latestDay: '2026-12-01', previous: null, direction: null }, '9', '9, first answer'],
    [{ latest: 9, latestDay: '2026-12-01', previous: 14, direction: 'down' }, '9 ↓ 14', '9, down from 14'],
    [{ latest: 14, latestDay: '2026-12-01', previous: 9, direction: 'up' }, '14 ↑ 9', '14, up from 9'],
    [{ latest: 9, latestDay: '2026-12-01', previous: 9, direction: 'same' }, '9 → 9', '9, same as 9'],
  ] as const)('%o', (trend, short, spoken) => {
    expect(trendWords(trend)).toEqual({ short, spoken });
  });
});

describe('adherenceWords', () => {
  it.each([
    [null, '—'],
    [{ percent: 85.7, taken: 12, scheduled: 14, days: 14 }, '86% (12/14 doses, 14 days)'],
    [{ percent: null, taken: 0, scheduled: 0, days: 14 }, '— (0/0 doses, 14 days)'],
  ] as const)('%o → %s', (a, words) => {
    expect(adherenceWords(a)).toBe(words);
  });
});
