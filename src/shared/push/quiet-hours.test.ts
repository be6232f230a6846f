import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deliverableAt } from './quiet-hours.js';
import { instantAt } from '../time/index.js';

const at = (date: string, time: string, zone: string) => instantAt(date, time, zone);
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

describe('quiet hours (in the person zone)', () => {
  it.each([
    ['outside, same-day window', '2026-06-10', '12:00', { start: '13:00', end: '15:00' }, null],
    [
      'inside, same-day window',
      '2026-06-10',
      '14:00',
      { start: '13:00', end: '15:00' },
      ['2026-06-10', '15:00'],
    ],
    ['at the end minute it is over', '2026-06-10', '15:00', { start: '13:00', end: '15:00' }, null],
    [
      'across midnight, late evening',
      '2026-06-10',
      '23:10',
      { start: '22:00', end: '07:00' },
      ['2026-06-11', '07:00'],
    ],
    [
      'across midnight, early morning',
      '2026-06-11',
      '03:00',
      { start: '22:00', end: '07:00' },
      ['2026-06-11', '07:00'],
    ],
    ['across midnight, daytime', '2026-06-11', '12:00', { start: '22:00', end: '07:00' }, null],
  ] as const)('%s', (_name, date, time, hours, until) => {
    const now = at(date, time, BERLIN);
    const expected = until === null ? now : at(until[0], until[1], BERLIN);
    expect(deliverableAt(now, { ...hours, zone: BERLIN })).toBe(expected);
  });

  it('no quiet hours or equal start and end: now', () => {
    const now = at('2026-06-10', '23:00', NY);
    expect(deliverableAt(now, null)).toBe(now);
    expect(deliverableAt(now, { start: '22:00', end: '22:00', zone: NY })).toBe(now);
  });

  it('the night clocks go forward in New York (2026-03-08): 22:00–07:00 ends at 07:00 EDT, 8 h of clock', () => {
    const now = at('2026-03-07', '23:00', NY);
    const until = deliverableAt(now, { start: '22:00', end: '07:00', zone: NY });
    expect(new Date(until).toISOString()).toBe('2026-03-08T11:00:00.000Z');
    expect(until - now).toBe(7 * 3_600_000);
  });

  it('the night clocks go back in New York (2026-11-01): 22:00–07:00 ends at 07:00 EST', () => {
    const now = at('2026-10-31', '23:00', NY);
    const until = deliverableAt(now, { start: '22:00', end: '07:00', zone: NY });
    expect(new Date(until).toISOString()).toBe('2026-11-01T12:00:00.000Z');
    expect(until - now).toBe(9 * 3_600_000);
  });

  it('an end inside the spring-forward gap moves forward by the gap (02:30 → 03:30 EDT)', () => {
    const now = at('2026-03-08', '01:00', NY);
    const until = deliverableAt(now, { start: '23:00', end: '02:30', zone: NY });
    expect(new Date(until).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('property: the answer is never before now, never more than a day later, and is outside quiet hours', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        time,
        time,
        fc.constantFrom(NY, BERLIN, 'Australia/Lord_Howe', 'UTC'),
        (now, start, end, zone) => {
          const until = deliverableAt(now, { start, end, zone });
          expect(until).toBeGreaterThanOrEqual(now);
          expect(until - now).toBeLessThanOrEqual(25 * 3_600_000);
          if (until > now) expect(deliverableAt(until, { start, end, zone })).toBe(until);
        },
      ),
      { numRuns: 300 },
    );
  });
});
