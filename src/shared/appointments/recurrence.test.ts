import { instantAt, localDateTime } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { expandBooking, MAX_OCCURRENCES, shiftOccurrence, type Booking } from './recurrence.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('instantAt / localDateTime', () => {
  it.each([
    { zone: 'America/Chicago', day: '2026-03-03', time: '09:00', utc: '2026-03-03T15:00:00.000Z' },
    { zone: 'America/Chicago', day: '2026-03-10', time: '09:00', utc: '2026-03-10T14:00:00.000Z' },
    { zone: 'Europe/London', day: '2026-10-27', time: '09:00', utc: '2026-10-27T09:00:00.000Z' },
    { zone: 'Pacific/Kiritimati', day: '2026-01-01', time: '00:30', utc: '2025-12-31T10:30:00.000Z' },
    { zone: 'Pacific/Pago_Pago', day: '2026-01-01', time: '23:30', utc: '2026-01-02T10:30:00.000Z' },
    { zone: 'Asia/Kolkata', day: '2026-06-15', time: '18:15', utc: '2026-06-15T12:45:00.000Z' },
    { zone: 'UTC', day: '2026-02-28', time: '00:00', utc: '2026-02-28T00:00:00.000Z' },
    // Spring-forward gap (02:30 does not exist on 8 March 2026 in Chicago): lands after the gap.
    { zone: 'America/Chicago', day: '2026-03-08', time: '02:30', utc: '2026-03-08T08:30:00.000Z' },
    // Autumn overlap (01:30 happens twice on 1 November 2026): the first one.
    { zone: 'America/Chicago', day: '2026-11-01', time: '01:30', utc: '2026-11-01T06:30:00.000Z' },
  ])('$day $time in $zone is $utc', ({ zone, day, time, utc }) => {
    const at = instantAt(day, time, zone);
    expect(iso(at)).toBe(utc);
    if (!(day === '2026-03-08' && time === '02:30'))
      expect(localDateTime(at, zone)).toEqual({ date: day, time });
  });
});

const weekly = (b: Partial<Booking>): Booking => ({
  day: '2026-02-24',
  time: '09:00',
  timeZone: 'America/Chicago',
  durationMinutes: 50,
  recurrence: { frequency: 'weekly', count: 4 },
  ...b,
});

describe('expandBooking', () => {
  it.each([
    {
      name: 'single appointment',
      booking: weekly({ recurrence: null }),
      days: ['2026-02-24'],
      utcHours: [15],
    },
    {
      name: 'weekly 09:00 stays 09:00 local across the US spring change (UTC hour moves 15 → 14)',
      booking: weekly({}),
      days: ['2026-02-24', '2026-03-03', '2026-03-10', '2026-03-17'],
      utcHours: [15, 15, 14, 14],
    },
    {
      name: 'weekly across the European autumn change',
      booking: weekly({
        day: '2026-10-20',
        timeZone: 'Europe/Berlin',
        recurrence: { frequency: 'weekly', count: 3 },
      }),
      days: ['2026-10-20', '2026-10-27', '2026-11-03'],
      utcHours: [7, 8, 8],
    },
    {
      name: 'fortnightly, far from UTC (Auckland, +13 in summer): the UTC day is the day before',
      booking: weekly({
        day: '2026-03-31',
        time: '08:00',
        timeZone: 'Pacific/Auckland',
        recurrence: { frequency: 'fortnightly', count: 3 },
      }),
      days: ['2026-03-31', '2026-04-14', '2026-04-28'],
      // NZDT (+13) ends on 5 April 2026: 08:00 is 19:00 UTC the day before, then 20:00 UTC.
      utcHours: [19, 20, 20],
    },
    {
      name: 'until-day is inclusive',
      booking: weekly({ recurrence: { frequency: 'weekly', untilDay: '2026-03-10' } }),
      days: ['2026-02-24', '2026-03-03', '2026-03-10'],
      utcHours: [15, 15, 14],
    },
    {
      name: 'fortnightly until a day between occurrences',
      booking: weekly({ recurrence: { frequency: 'fortnightly', untilDay: '2026-03-20' } }),
      days: ['2026-02-24', '2026-03-10'],
      utcHours: [15, 14],
    },
  ])('$name', ({ booking, days, utcHours }) => {
    const occ = expandBooking(booking);
    expect(occ.map((o) => o.day)).toEqual(days);
    expect(occ.map((o) => new Date(o.startsAt).getUTCHours())).toEqual(utcHours);
    for (const o of occ) {
      expect(o.time).toBe(booking.time);
      expect(localDateTime(o.startsAt, booking.timeZone)).toEqual({ date: o.day, time: booking.time });
      expect(o.endsAt - o.startsAt).toBe(booking.durationMinutes * 60_000);
    }
  });

  it('never makes more than MAX_OCCURRENCES', () => {
    const occ = expandBooking(weekly({ recurrence: { frequency: 'weekly', untilDay: '2030-01-01' } }));
    expect(occ).toHaveLength(MAX_OCCURRENCES);
  });
});

describe('shiftOccurrence (this and the following)', () => {
  it('keeps the weekly rhythm and the new local time', () => {
    const moved = shiftOccurrence(
      { day: '2026-03-17' },
      { fromDay: '2026-03-10', toDay: '2026-03-12', time: '16:30' },
      'America/Chicago',
      45,
    );
    expect(moved.day).toBe('2026-03-19');
    expect(localDateTime(moved.startsAt, 'America/Chicago')).toEqual({ date: '2026-03-19', time: '16:30' });
    expect(moved.endsAt - moved.startsAt).toBe(45 * 60_000);
  });
});
