import { describe, expect, it } from 'vitest';
import { outsidePatientDaytime } from './daytime.js';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('outsidePatientDaytime (07:00-22:00 on the patient clock)', () => {
  it.each([
    // Berlin, spring forward on 2026-03-29 (01:00 UTC): the same UTC slot moves an hour later.
    { zone: 'Europe/Berlin', start: '2026-03-28T06:00:00Z', minutes: 50, outside: false, local: '07:00' },
    { zone: 'Europe/Berlin', start: '2026-03-28T05:30:00Z', minutes: 50, outside: true, local: '06:30' },
    { zone: 'Europe/Berlin', start: '2026-03-30T05:30:00Z', minutes: 50, outside: false, local: '07:30' },
    // Berlin, fall back on 2026-10-25 (01:00 UTC): 20:00 UTC is 22:00 before, 21:00 after.
    { zone: 'Europe/Berlin', start: '2026-10-24T20:00:00Z', minutes: 50, outside: true, local: '22:00' },
    { zone: 'Europe/Berlin', start: '2026-10-26T20:00:00Z', minutes: 50, outside: false, local: '21:00' },
    { zone: 'Europe/Berlin', start: '2026-10-26T20:10:00Z', minutes: 60, outside: true, local: '21:10' },
    // New York, spring forward on 2026-03-08 (07:00 UTC).
    { zone: 'America/New_York', start: '2026-03-07T11:30:00Z', minutes: 50, outside: true, local: '06:30' },
    { zone: 'America/New_York', start: '2026-03-09T11:30:00Z', minutes: 50, outside: false, local: '07:30' },
    // New York, fall back on 2026-11-01 (06:00 UTC): 11:00 UTC is 07:00 the day before, 06:00 that day.
    { zone: 'America/New_York', start: '2026-10-31T11:00:00Z', minutes: 50, outside: false, local: '07:00' },
    { zone: 'America/New_York', start: '2026-11-01T11:00:00Z', minutes: 50, outside: true, local: '06:00' },
    // Lord Howe's 30-minute change on 2026-04-05 (15:00 UTC the day before): +11 to +10:30.
    {
      zone: 'Australia/Lord_Howe',
      start: '2026-04-03T20:00:00Z',
      minutes: 50,
      outside: false,
      local: '07:00',
    },
    {
      zone: 'Australia/Lord_Howe',
      start: '2026-04-05T20:00:00Z',
      minutes: 50,
      outside: true,
      local: '06:30',
    },
    // The case: 07:00 UTC on Wed 9 Dec is 08:00 for Tom in Berlin, 01:00 for a Chicago patient.
    { zone: 'Europe/Berlin', start: '2026-12-09T07:00:00Z', minutes: 50, outside: false, local: '08:00' },
    { zone: 'America/Chicago', start: '2026-12-09T07:00:00Z', minutes: 50, outside: true, local: '01:00' },
    // Ending at 22:00 is inside; a minute later is not; across midnight always outside.
    { zone: 'UTC', start: '2026-06-01T21:10:00Z', minutes: 50, outside: false, local: '21:10' },
    { zone: 'UTC', start: '2026-06-01T21:11:00Z', minutes: 50, outside: true, local: '21:11' },
    { zone: 'UTC', start: '2026-06-01T23:30:00Z', minutes: 60, outside: true, local: '23:30' },
  ])('$start for $minutes min in $zone: outside=$outside', ({ zone, start, minutes, outside, local }) => {
    const s = at(start);
    const check = outsidePatientDaytime(s, s + minutes * MIN, zone);
    expect(check.outside).toBe(outside);
    expect(check.localStart.time).toBe(local);
  });
});
