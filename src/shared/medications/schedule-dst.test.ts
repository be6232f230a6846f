import { addDays, instantAt, localDate, localTime } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandScheduledDoses, type DoseSchedule, type Regimen } from './schedule.js';
import { parseDoseKey } from '../doses/rules.js';

// Issue 11: every-N-hours and daily doses follow the patient's wall clock across DST, and every dose of a
// DST day has its own key (an hourly dose makes 25 doses when the clocks go back, 23 when they go forward).
const ZONES = ['Europe/Berlin', 'America/Chicago', 'Australia/Sydney', 'Pacific/Kiritimati'] as const;
const H = 3_600_000;

const regimen = (from: string, schedule: DoseSchedule): Regimen => ({
  medicationId: 'med1',
  displayName: 'Test',
  startDate: from,
  endDate: null,
  periods: [{ from, doseAmount: 1, doseUnit: 'mg', schedule, paused: false }],
});
const everyHours = (n: number, firstTime: string): DoseSchedule => ({
  kind: 'every_n_hours',
  everyHours: n,
  firstTime,
});
const pad = (n: number) => String(n).padStart(2, '0');
/** Real hours from local midnight to the next local midnight (midnight exists on every day in these zones). */
const hoursInDay = (day: string, tz: string) =>
  (instantAt(addDays(day, 1), '00:00', tz) - instantAt(day, '00:00', tz)) / H;

describe('dose days across DST (table)', () => {
  it.each([
    ['Europe/Berlin', '2026-10-25', 25],
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-07-15', 24],
    ['America/Chicago', '2026-11-01', 25],
    ['America/Chicago', '2026-03-08', 23],
    ['Australia/Sydney', '2026-04-05', 25],
    ['Australia/Sydney', '2026-10-04', 23],
    ['Pacific/Kiritimati', '2026-10-25', 24],
  ])('%s %s: an hourly dose makes %i doses, each with its own key', (tz, day, count) => {
    const doses = expandScheduledDoses(regimen('2026-01-01', everyHours(1, '00:00')), day, day, tz);
    expect(doses).toHaveLength(count);
    expect(new Set(doses.map((d) => d.doseKey)).size).toBe(count);
    expect(new Set(doses.map((d) => d.dueAt)).size).toBe(count);
    // An hour apart in real time, every one of them.
    for (let i = 1; i < doses.length; i += 1)
      expect((doses[i]?.dueAt ?? 0) - (doses[i - 1]?.dueAt ?? 0)).toBe(H);
  });

  it('Berlin, autumn: the repeated 02:00 has two doses, the second keyed ~2, one hour apart', () => {
    const doses = expandScheduledDoses(
      regimen('2026-01-01', everyHours(1, '00:00')),
      '2026-10-25',
      '2026-10-25',
      'Europe/Berlin',
    );
    const two = doses.filter((d) => d.localTime === '02:00');
    expect(two.map((d) => [d.doseKey, new Date(d.dueAt).toISOString()])).toEqual([
      ['med1:2026-10-25:02:00', '2026-10-25T00:00:00.000Z'],
      ['med1:2026-10-25:02:00~2', '2026-10-25T01:00:00.000Z'],
    ]);
    expect(parseDoseKey('med1:2026-10-25:02:00~2')).toMatchObject({ localTime: '02:00', occurrence: 2 });
  });

  it('Berlin, spring: no 02:00 dose on the 23-hour day (03:00 is the next)', () => {
    const doses = expandScheduledDoses(
      regimen('2026-01-01', everyHours(1, '00:00')),
      '2026-03-29',
      '2026-03-29',
      'Europe/Berlin',
    );
    expect(doses.map((d) => d.localTime).slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00']);
  });

  it('every 12 h from 08:00 started in January stays 08:00/20:00 in July in Berlin (issue 11)', () => {
    const doses = expandScheduledDoses(
      regimen('2026-01-10', everyHours(12, '08:00')),
      '2026-07-15',
      '2026-07-15',
      'Europe/Berlin',
    );
    expect(doses.map((d) => [d.doseKey, new Date(d.dueAt).toISOString()])).toEqual([
      ['med1:2026-07-15:08:00', '2026-07-15T06:00:00.000Z'],
      ['med1:2026-07-15:20:00', '2026-07-15T18:00:00.000Z'],
    ]);
  });

  it('every 12 h at 02:00/14:00: one dose at the repeated 02:00, and the 02:00 in the gap moves to 03:00', () => {
    const r = regimen('2026-01-10', everyHours(12, '02:00'));
    const autumn = expandScheduledDoses(r, '2026-10-25', '2026-10-25', 'Europe/Berlin');
    expect(autumn.map((d) => d.doseKey)).toEqual(['med1:2026-10-25:02:00', 'med1:2026-10-25:14:00']);
    const spring = expandScheduledDoses(r, '2026-03-29', '2026-03-29', 'Europe/Berlin');
    expect(spring.map((d) => [d.doseKey, localTime(d.dueAt, 'Europe/Berlin')])).toEqual([
      ['med1:2026-03-29:02:00', '03:00'],
      ['med1:2026-03-29:14:00', '14:00'],
    ]);
  });

  it('ordinary days keep the keys they always had', () => {
    const doses = expandScheduledDoses(
      regimen('2026-05-01', everyHours(8, '06:00')),
      '2026-05-02',
      '2026-05-02',
      'America/Chicago',
    );
    expect(doses.map((d) => d.doseKey)).toEqual([
      'med1:2026-05-02:06:00',
      'med1:2026-05-02:14:00',
      'med1:2026-05-02:22:00',
    ]);
  });
});

describe('dose keys across DST (properties, fast-check)', () => {
  const zone = fc.constantFrom(...ZONES);
  const divisor = fc.constantFrom(1, 2, 3, 4, 6, 8, 12, 24);
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${pad(h)}:${pad(m)}`);
  const startDay = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2024-01-01', n));
  const span = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 40 }));

  it('keys are unique, parse back, and name the local day and time each dose is shown at', () => {
    fc.assert(
      fc.property(zone, divisor, time, startDay, span, (tz, n, first, start, [offset, length]) => {
        const from = addDays(start, offset);
        const to = addDays(from, length);
        const doses = expandScheduledDoses(regimen(start, everyHours(n, first)), from, to, tz);
        expect(new Set(doses.map((d) => d.doseKey)).size).toBe(doses.length);
        for (const d of doses) {
          const key = parseDoseKey(d.doseKey);
          expect(key).toMatchObject({ medicationId: 'med1', localDate: d.localDate, localTime: d.localTime });
          expect(d.localDate >= from && d.localDate <= to).toBe(true);
          // The wall clock at the due time shows the scheduled time, except a time skipped by the clocks
          // going forward, which is moved later on the same day.
          if (localTime(d.dueAt, tz) !== d.localTime) {
            expect(localTime(d.dueAt, tz) > d.localTime).toBe(true);
            expect(localDate(d.dueAt, tz)).toBe(d.localDate);
          } else expect(localDate(d.dueAt, tz)).toBe(d.localDate);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('wall-clock times are stable: an interval dividing 24 h gives the same times every day, summer and winter', () => {
    fc.assert(
      fc.property(zone, divisor, time, startDay, span, (tz, n, first, start, [offset, length]) => {
        const from = addDays(start, offset + 1);
        const doses = expandScheduledDoses(
          regimen(start, everyHours(n, first)),
          from,
          addDays(from, length),
          tz,
        );
        const firstMinutes = Number(first.slice(0, 2)) * 60 + Number(first.slice(3));
        const expected = new Set(
          Array.from({ length: 24 / n }, (_, k) => {
            const m = (firstMinutes + k * n * 60) % (24 * 60);
            return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
          }),
        );
        for (const d of doses) expect(expected.has(d.localTime)).toBe(true);
        // Each day holds every wall time once (plus a repeated hour's second dose), less a skipped one.
        const perDay = new Map<string, number>();
        for (const d of doses) perDay.set(d.localDate, (perDay.get(d.localDate) ?? 0) + 1);
        for (const [day, count] of perDay) {
          const hours = hoursInDay(day, tz);
          expect(count).toBeGreaterThanOrEqual(24 / n - 1);
          expect(count).toBeLessThanOrEqual(24 / n + 1);
          if (hours === 24) expect(count).toBe(24 / n);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('an hourly dose makes as many doses as the local day has hours, one real hour apart', () => {
    fc.assert(
      fc.property(zone, startDay, fc.integer({ min: 0, max: 30 }), (tz, start, length) => {
        const to = addDays(start, length);
        const doses = expandScheduledDoses(regimen(start, everyHours(1, '00:00')), start, to, tz);
        for (let day = start; day <= to; day = addDays(day, 1))
          expect(doses.filter((d) => d.localDate === day)).toHaveLength(hoursInDay(day, tz));
        for (let i = 1; i < doses.length; i += 1)
          expect((doses[i]?.dueAt ?? 0) - (doses[i - 1]?.dueAt ?? 0)).toBe(H);
      }),
      { numRuns: 40 },
    );
  });

  it('any interval (1-48 h): unique keys, and doses in time order at least half an interval apart', () => {
    fc.assert(
      fc.property(
        zone,
        fc.integer({ min: 1, max: 48 }),
        time,
        startDay,
        span,
        (tz, n, first, start, [offset, length]) => {
          const from = addDays(start, offset);
          const doses = expandScheduledDoses(
            regimen(start, everyHours(n, first)),
            from,
            addDays(from, length),
            tz,
          );
          expect(new Set(doses.map((d) => d.doseKey)).size).toBe(doses.length);
          for (let i = 1; i < doses.length; i += 1)
            expect((doses[i]?.dueAt ?? 0) - (doses[i - 1]?.dueAt ?? 0)).toBeGreaterThanOrEqual((n * H) / 2);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('daily times follow the wall clock too, with unique keys', () => {
    fc.assert(
      fc.property(
        zone,
        fc.uniqueArray(time, { minLength: 1, maxLength: 4 }),
        startDay,
        span,
        (tz, times, start, [offset, length]) => {
          const from = addDays(start, offset);
          const doses = expandScheduledDoses(
            regimen(start, { kind: 'times', times, weekdays: null }),
            from,
            addDays(from, length),
            tz,
          );
          expect(doses).toHaveLength((length + 1) * times.length);
          expect(new Set(doses.map((d) => d.doseKey)).size).toBe(doses.length);
          for (const d of doses) expect(times).toContain(d.localTime);
        },
      ),
      { numRuns: 100 },
    );
  });
});
