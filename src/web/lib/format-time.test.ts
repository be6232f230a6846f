import { describe, expect, it } from 'vitest';
import { formatWhen, zoneName } from './format-time';

// Wed 9 Dec 2026, 08:00 in Berlin (UTC+1) = 07:00 UTC = 01:00 in Chicago (UTC-6).
const tomBerlin = Date.UTC(2026, 11, 9, 7, 0);

describe('formatWhen', () => {
  it.each([
    // The case: Tom's 08:00 Berlin session seen by his Chicago therapist.
    {
      zone: 'Europe/Berlin',
      viewer: 'America/Chicago',
      locale: 'en-GB',
      out: 'Wed 9 Dec, 08:00 Berlin (01:00 your time)',
    },
    // 12 hours where the locale uses them.
    {
      zone: 'Europe/Berlin',
      viewer: 'America/Chicago',
      locale: 'en-US',
      out: 'Wed, Dec 9, 8:00 AM Berlin (1:00 AM your time)',
    },
    // The same zone: nothing named.
    { zone: 'Europe/Berlin', viewer: 'Europe/Berlin', locale: 'en-GB', out: 'Wed 9 Dec, 08:00' },
    // Two names of one clock at that instant: nothing named.
    { zone: 'Europe/Berlin', viewer: 'Europe/Paris', locale: 'en-GB', out: 'Wed 9 Dec, 08:00' },
    // Another day where the viewer is: their day too.
    {
      zone: 'Pacific/Kiritimati',
      viewer: 'America/Los_Angeles',
      locale: 'en-GB',
      out: 'Wed 9 Dec, 21:00 Kiritimati (Tue 8 Dec, 23:00 your time)',
    },
    {
      zone: 'America/Los_Angeles',
      viewer: 'Europe/Berlin',
      locale: 'en-GB',
      out: 'Tue 8 Dec, 23:00 Los Angeles (Wed 9 Dec, 08:00 your time)',
    },
  ])('$zone for a viewer in $viewer ($locale)', ({ zone, viewer, locale, out }) => {
    expect(formatWhen(tomBerlin, { zone, viewerZone: viewer, locale }).replace(/\u202f/g, ' ')).toBe(out);
  });

  it('time only', () => {
    expect(
      formatWhen(tomBerlin, {
        zone: 'Europe/Berlin',
        viewerZone: 'America/Chicago',
        locale: 'en-GB',
        timeOnly: true,
      }),
    ).toBe('08:00 Berlin (01:00 your time)');
  });

  it('names zones by their place', () => {
    expect(zoneName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneName('UTC')).toBe('UTC');
  });
});
