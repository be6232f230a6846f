import { describe, expect, it } from 'vitest';
import {
  UnknownTimeZoneError,
  assertTimeZone,
  instantAt,
  isValidTimeZone,
  localDate,
  localDateTime,
  localTime,
  occurrencesAt,
  offsetAt,
  startOfLocalDay,
  timeZoneSchema,
} from './index.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('instantAt at known 2026 transitions (gap: forward by the gap; overlap: the earlier instant)', () => {
  it.each([
    // zone, date, time, instant (UTC), what the clock shows then, kind
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30', '03:30', 'gap 1 h'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30', '01:30', 'overlap, EDT first'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30', '03:30', 'gap 1 h'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30', '02:30', 'overlap, CEST first'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45', '02:45', 'gap 30 min'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45', '01:45', 'overlap 30 min'],
    ['America/Santiago', '2026-09-06', '00:30', '2026-09-06T04:30', '01:30', 'gap at midnight'],
    ['America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30', '23:30', 'overlap before midnight'],
    ['Pacific/Chatham', '2026-09-27', '03:00', '2026-09-26T14:15', '04:00', 'gap at 02:45 (+12:45)'],
    ['Pacific/Chatham', '2026-04-05', '03:00', '2026-04-04T13:15', '03:00', 'overlap at 03:45 (+13:45)'],
    ['Asia/Kolkata', '2026-06-01', '12:00', '2026-06-01T06:30', '12:00', 'no DST, +05:30'],
    ['Pacific/Kiritimati', '2026-06-01', '12:00', '2026-05-31T22:00', '12:00', 'no DST, +14'],
    ['UTC', '2026-03-08', '02:30', '2026-03-08T02:30', '02:30', 'UTC'],
  ])('%s %s %s → %s (%s, %s)', (zone, date, time, instant, shows) => {
    const at = instantAt(date, time, zone);
    expect(at).toBe(utc(instant));
    expect(localTime(at, zone)).toBe(shows);
  });

  it('lists both instants of an overlap time and none of a gap time', () => {
    expect(occurrencesAt('2026-11-01', '01:30', 'America/New_York')).toEqual([
      utc('2026-11-01T05:30'),
      utc('2026-11-01T06:30'),
    ]);
    expect(occurrencesAt('2026-04-05', '01:45', 'Australia/Lord_Howe')).toEqual([
      utc('2026-04-04T14:45'),
      utc('2026-04-04T15:15'),
    ]);
    expect(occurrencesAt('2026-03-08', '02:30', 'America/New_York')).toEqual([]);
    expect(occurrencesAt('2026-06-01', '12:00', 'Asia/Kolkata')).toEqual([utc('2026-06-01T06:30')]);
  });

  it('moves a date skipped whole (Samoa, 30 Dec 2011) forward by the 24-hour gap', () => {
    const at = instantAt('2011-12-30', '12:00', 'Pacific/Apia');
    expect(localDateTime(at, 'Pacific/Apia')).toEqual({ date: '2011-12-31', time: '12:00' });
  });
});

describe('local dates and times of instants', () => {
  it.each([
    ['2026-03-08T06:59', 'America/New_York', '2026-03-08', '01:59', -5 * 60],
    ['2026-03-08T07:00', 'America/New_York', '2026-03-08', '03:00', -4 * 60],
    ['2026-12-31T10:00', 'Pacific/Kiritimati', '2027-01-01', '00:00', 14 * 60],
    ['2026-01-01T00:00', 'Pacific/Chatham', '2026-01-01', '13:45', 13 * 60 + 45],
    ['2026-07-01T00:00', 'Asia/Kolkata', '2026-07-01', '05:30', 5 * 60 + 30],
  ])('%s in %s is %s %s (offset %i min)', (instant, zone, date, time, offsetMinutes) => {
    expect(localDate(utc(instant), zone)).toBe(date);
    expect(localTime(utc(instant), zone)).toBe(time);
    expect(localDateTime(utc(instant), zone)).toEqual({ date, time });
    expect(offsetAt(utc(instant), zone)).toBe(offsetMinutes * 60_000);
  });

  it('starts a day at 01:00 where the clocks jump over midnight (Santiago, 6 Sep 2026)', () => {
    expect(startOfLocalDay(utc('2026-09-06T15:00'), 'America/Santiago')).toBe(utc('2026-09-06T04:00'));
    expect(startOfLocalDay(utc('2026-03-08T15:00'), 'America/New_York')).toBe(utc('2026-03-08T05:00'));
  });
});

describe('time zones', () => {
  it.each([
    'America/Chicago',
    'Europe/Berlin',
    'Pacific/Kiritimati',
    'UTC',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
  ])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
    expect(assertTimeZone(zone)).toBe(zone);
  });

  it.each(['Mars/Olympus', '', 'America/', '../etc/passwd', 'GMT+5; drop table', '+05:00', 'Europe/Berlin '])(
    'refuses %j everywhere: the check, the schema and every function (no UTC fallback)',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
      expect(timeZoneSchema.safeParse(zone).success).toBe(false);
      expect(() => localDate(0, zone)).toThrow(UnknownTimeZoneError);
      expect(() => localDateTime(0, zone)).toThrow(UnknownTimeZoneError);
      expect(() => instantAt('2026-01-01', '09:00', zone)).toThrow(UnknownTimeZoneError);
      expect(() => assertTimeZone(zone)).toThrow(/Unknown time zone/);
    },
  );
});
