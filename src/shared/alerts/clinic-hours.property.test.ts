import { addDays, localDate } from '../time/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addClinicHours, isClinicOpen, openingWindow, type ClinicHours } from './clinic-hours.js';

/** Opening time between two instants, summed day by day over the clinic's windows (the slow, plain way). */
function openTimeBetween(a: number, b: number, hours: ClinicHours): number {
  let total = 0;
  let day = addDays(localDate(a, hours.timeZone), -1);
  const last = addDays(localDate(b, hours.timeZone), 1);
  while (day <= last) {
    const w = openingWindow(day, hours);
    if (w) total += Math.max(0, Math.min(b, w.closes) - Math.max(a, w.opens));
    day = addDays(day, 1);
  }
  return total;
}

const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC', 'Asia/Kolkata'];
const clinicHours = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    openDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    opens: fc.integer({ min: 0, max: 22 }),
    length: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ timeZone, openDays, opens, length }) => ({
    timeZone,
    openDays,
    opensAt: `${String(opens).padStart(2, '0')}:00`,
    closesAt: `${String(Math.min(23, opens + length)).padStart(2, '0')}:${opens + length > 23 ? '59' : '00'}`,
  }));

describe('addClinicHours (property, DST zones included)', () => {
  it('counts exactly the asked opening time, and ends inside an opening window', () => {
    fc.assert(
      fc.property(
        clinicHours,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 288 }).map((quarters) => quarters / 4),
        (hours, from, count) => {
          const end = addClinicHours(from, count, hours);
          expect(end).not.toBeNull();
          if (end === null) return;
          expect(end).toBeGreaterThan(from);
          expect(openTimeBetween(from, end, hours)).toBe(count * 3600_000);
          expect(isClinicOpen(end - 1, hours)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
