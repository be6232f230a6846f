import { describe, expect, it } from 'vitest';
import { daysShown, stepFrom } from './schedule-days';

describe('daysShown and stepFrom', () => {
  it.each([
    // Wed 9 Dec 2026: its week is Mon 7 to Sun 13.
    { anchor: '2026-12-09', view: 'week', from: '2026-12-07', to: '2026-12-13' },
    { anchor: '2026-12-07', view: 'week', from: '2026-12-07', to: '2026-12-13' },
    { anchor: '2026-12-13', view: 'week', from: '2026-12-07', to: '2026-12-13' },
    // Across a year and a DST change (calendar days only).
    { anchor: '2027-01-01', view: 'week', from: '2026-12-28', to: '2027-01-03' },
    { anchor: '2026-03-29', view: 'week', from: '2026-03-23', to: '2026-03-29' },
    { anchor: '2026-12-09', view: 'day', from: '2026-12-09', to: '2026-12-09' },
  ] as const)('$view of $anchor is $from to $to', ({ anchor, view, from, to }) => {
    expect(daysShown(anchor, view)).toEqual({ from, to });
  });

  it('steps a day or a week', () => {
    expect(stepFrom('2026-12-31', 'day', 1)).toBe('2027-01-01');
    expect(stepFrom('2026-12-09', 'week', -1)).toBe('2026-12-02');
  });
});
