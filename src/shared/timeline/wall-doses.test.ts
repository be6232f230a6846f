import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandScheduledDoses, type DosePeriod, type Regimen } from '../medications/schedule.js';
import { addDays } from '../time/index.js';
import { wallClockDoses } from './wall-doses.js';

const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const period = (from: string): fc.Arbitrary<DosePeriod> =>
  fc.record({
    from: fc.constant(from),
    doseAmount: fc.constant(50),
    doseUnit: fc.constant('mg'),
    paused: fc.boolean(),
    schedule: fc.oneof(
      fc.record({
        kind: fc.constant('times' as const),
        times: fc.array(time, { minLength: 1, maxLength: 3 }),
        weekdays: fc.option(
          fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const), { minLength: 1, maxLength: 7 }),
          { nil: null },
        ),
      }),
      fc.record({
        kind: fc.constant('every_n_hours' as const),
        everyHours: fc.constantFrom(1, 6, 8, 12, 24),
        firstTime: time,
      }),
      fc.record({ kind: fc.constant('as_needed' as const), maxPerDay: fc.constant(2) }),
    ),
  });

// Regimens across the 2026 spring and autumn changes of every zone above.
const regimen: fc.Arbitrary<Regimen> = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 60 }))
  .chain(([start, step, length]) => {
    const startDate = addDays('2026-01-01', start);
    const second = addDays(startDate, step);
    return fc.record({
      medicationId: fc.constant('m1'),
      displayName: fc.constant('Sertraline'),
      startDate: fc.constant(startDate),
      endDate: fc.option(fc.constant(addDays(second, length)), { nil: null }),
      periods: fc.tuple(period(startDate), period(second)).map((p) => [...p]),
    });
  });

describe('the timeline’s doses on the wall clock', () => {
  it('are the shared expansion’s doses: same keys, days and times, in wall-clock order', () => {
    fc.assert(
      fc.property(
        regimen,
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 120 }),
        (r, zone, offset, span) => {
          const from = addDays('2026-01-01', offset);
          const to = addDays(from, span);
          const exact = expandScheduledDoses(r, from, to, zone);
          const wall = wallClockDoses(r, from, to, zone);
          const keyed = (ds: readonly { doseKey: string; localDate: string; localTime: string }[]) =>
            ds.map((d) => `${d.doseKey}|${d.localDate}|${d.localTime}`).sort();
          expect(keyed(wall)).toEqual(keyed(exact));
          const order = wall.map((d) => `${d.localDate} ${d.localTime}`);
          expect(order).toEqual([...order].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places a dose on its local day and time, without the zone', () => {
    const r: Regimen = {
      medicationId: 'm1',
      displayName: 'Bupropion',
      startDate: '2026-03-07',
      endDate: null,
      periods: [
        {
          from: '2026-03-07',
          doseAmount: 150,
          doseUnit: 'mg',
          paused: false,
          schedule: { kind: 'times', times: ['02:30', '08:00'], weekdays: null },
        },
      ],
    };
    // 8 March 2026 is New York's spring-forward day: 02:30 does not exist, the dose keeps its key and day.
    const doses = wallClockDoses(r, '2026-03-08', '2026-03-08', 'America/New_York');
    expect(doses.map((d) => d.doseKey)).toEqual(['m1:2026-03-08:02:30', 'm1:2026-03-08:08:00']);
    expect(doses[0]?.dueAt).toBe(Date.UTC(2026, 2, 8, 2, 30));
  });
});
