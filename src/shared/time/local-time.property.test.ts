import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  eachDay,
  instantAt,
  localDate,
  localDateTime,
  occurrencesAt,
  offsetAt,
  startOfLocalDay,
  wallOf,
  wallParts,
} from './index.js';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe', // 30-minute DST
  'America/Santiago', // changes at midnight
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kolkata', // +05:30, no DST
  'Pacific/Kiritimati', // +14, no DST
  'UTC',
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// From 1996: Kiritimati skipped 31 Dec 1994 whole (its table test is the Samoa skip in local-time.test.ts).
const FROM = Date.UTC(1996, 0, 1);
const TO = Date.UTC(2100, 0, 1);

interface Transition {
  zone: string;
  at: number; // first instant with the new offset
  before: number; // offset before (ms)
  after: number; // offset after (ms)
}

/** Every offset change of a zone from 2000 to 2040, found by sampling weekly and bisecting to the minute. */
function transitionsOf(zone: string): Transition[] {
  const found: Transition[] = [];
  const start = Date.UTC(2000, 0, 1);
  const end = Date.UTC(2040, 0, 1);
  for (let t = start; t < end; t += 7 * DAY) {
    const before = offsetAt(t, zone);
    const after = offsetAt(t + 7 * DAY, zone);
    if (before === after) continue;
    let lo = t;
    let hi = t + 7 * DAY;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ zone, at: hi, before, after });
  }
  return found;
}

const transitions = ZONES.flatMap(transitionsOf);
const zone = fc.constantFrom(...ZONES);
const wholeMinute = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
/** Instants in the three hours either side of a real transition, so every run meets DST. */
const nearTransition = fc
  .record({ t: fc.constantFrom(...transitions), m: fc.integer({ min: -180, max: 180 }) })
  .map(({ t, m }) => ({ zone: t.zone, instant: t.at + m * MINUTE }));
const anyInstant = fc.oneof(fc.record({ zone, instant: wholeMinute }), nearTransition);
const wallOfInstant = (instant: number, z: string) => {
  const { date, time } = localDateTime(instant, z);
  return wallOf(date, time);
};

describe('time module properties across DST in eight zones', () => {
  it('finds the transitions it is meant to test (each DST zone changes twice a year)', () => {
    for (const z of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham'])
      expect(transitions.filter((t) => t.zone === z).length).toBeGreaterThanOrEqual(78);
    for (const z of ['Asia/Kolkata', 'Pacific/Kiritimati', 'UTC'])
      expect(transitions.filter((t) => t.zone === z)).toEqual([]);
  });

  it('round trip: every local time on the clock maps back to its own date and time', () => {
    fc.assert(
      fc.property(anyInstant, ({ zone: z, instant }) => {
        const { date, time } = localDateTime(instant, z);
        const at = instantAt(date, time, z);
        expect(localDate(at, z)).toBe(date);
        expect(localDateTime(at, z)).toEqual({ date, time });
      }),
      { numRuns: 500 },
    );
  });

  it('overlap: a time shown twice is its earlier instant, and both instants are listed', () => {
    fc.assert(
      fc.property(anyInstant, ({ zone: z, instant }) => {
        const { date, time } = localDateTime(instant, z);
        const all = occurrencesAt(date, time, z);
        expect(all).toContain(instant);
        expect(instantAt(date, time, z)).toBe(all[0]);
        expect(instantAt(date, time, z)).toBeLessThanOrEqual(instant);
      }),
      { numRuns: 500 },
    );
  });

  it('gap and overlap rules at every transition, minute by minute', () => {
    fc.assert(
      fc.property(fc.constantFrom(...transitions), fc.nat(), (t, n) => {
        const size = Math.abs(t.after - t.before);
        const m = (n % (size / MINUTE)) * MINUTE;
        if (t.after > t.before) {
          // Clocks go forward: the local times [wall before the jump, + size) never show; each moves forward.
          const { day, time } = wallParts(t.at + t.before + m);
          expect(occurrencesAt(day, time, t.zone)).toEqual([]);
          expect(instantAt(day, time, t.zone)).toBe(t.at + m);
          expect(wallOfInstant(instantAt(day, time, t.zone), t.zone)).toBe(wallOf(day, time) + size);
        } else {
          // Clocks go back: the local times [wall after the change, + size) show twice; the earlier wins.
          const { day, time } = wallParts(t.at + t.after + m);
          expect(occurrencesAt(day, time, t.zone)).toEqual([t.at - size + m, t.at + m]);
          expect(instantAt(day, time, t.zone)).toBe(t.at - size + m);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('monotonic: later instants never show an earlier date; existing local times keep their order', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 6 * 60 }), ({ zone: z, instant }, m) => {
        const later = instant + m * MINUTE;
        expect(localDate(later, z) >= localDate(instant, z)).toBe(true);
        const a = localDateTime(instant, z);
        const b = localDateTime(later, z);
        const [x, y] = wallOf(a.date, a.time) <= wallOf(b.date, b.time) ? [a, b] : [b, a];
        expect(instantAt(x.date, x.time, z)).toBeLessThanOrEqual(instantAt(y.date, y.time, z));
      }),
      { numRuns: 500 },
    );
  });

  it('the start of a local day is on that day, not after the instant, and its first minute', () => {
    fc.assert(
      fc.property(anyInstant, ({ zone: z, instant }) => {
        const start = startOfLocalDay(instant, z);
        expect(start).toBeLessThanOrEqual(instant);
        expect(localDate(start, z)).toBe(localDate(instant, z));
        expect(localDate(start - MINUTE, z) < localDate(instant, z)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('day arithmetic never skips or repeats a date across DST', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), ({ zone: z, instant }, n) => {
        const first = localDate(instant, z);
        const last = addDays(first, n);
        expect(daysBetween(first, last)).toBe(n);
        const days = eachDay(first, last);
        expect(days).toHaveLength(n + 1);
        const starts = days.map((d) => instantAt(d, '00:00', z));
        days.forEach((d, i) => {
          expect(localDate(starts[i] ?? NaN, z)).toBe(d);
          if (i > 0) {
            expect(addDays(days[i - 1] ?? '', 1)).toBe(d);
            // A local day lasts between 23 and 25 hours (24 ± the largest DST change, 1 h).
            const length = (starts[i] ?? NaN) - (starts[i - 1] ?? NaN);
            expect(length).toBeGreaterThanOrEqual(23 * HOUR);
            expect(length).toBeLessThanOrEqual(25 * HOUR);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
