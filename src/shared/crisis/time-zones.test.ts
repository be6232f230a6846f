import { describe, expect, it } from 'vitest';
import { countryFromTimeZone, effectivePatientCountry } from './time-zones.js';
import { isCountryCode } from './countries.js';

describe('country from the time zone', () => {
  it.each([
    ['Europe/Berlin', 'DE'],
    ['America/Chicago', 'US'],
    ['America/Toronto', 'CA'],
    ['Europe/London', 'GB'],
    ['Europe/Dublin', 'IE'],
    ['Europe/Paris', 'FR'],
    ['Australia/Sydney', 'AU'],
    ['Pacific/Auckland', 'NZ'],
    ['Europe/Madrid', 'ES'],
  ])('%s → %s', (zone, country) => {
    expect(countryFromTimeZone(zone)).toBe(country);
  });

  it('knows no country for UTC, Etc zones, unknown zones or none', () => {
    for (const zone of ['UTC', 'Etc/GMT+5', 'Asia/Tokyo', 'Not/AZone', '', null, undefined]) {
      expect(countryFromTimeZone(zone)).toBeNull();
    }
  });

  it('every listed country is a known ISO code', () => {
    for (const zone of ['Europe/Berlin', 'Asia/Nicosia', 'America/Puerto_Rico', 'Europe/Mariehamn']) {
      const country = countryFromTimeZone(zone);
      expect(country !== null && isCountryCode(country)).toBe(true);
    }
  });
});

describe('whose numbers a patient sees', () => {
  it('a recorded country wins over the time zone', () => {
    expect(effectivePatientCountry('FR', 'Europe/Berlin', 'US')).toEqual({
      country: 'FR',
      basis: 'recorded',
    });
  });
  it('without one, the time zone decides (a Berlin patient at a US clinic sees German numbers)', () => {
    expect(effectivePatientCountry(null, 'Europe/Berlin', 'US')).toEqual({
      country: 'DE',
      basis: 'time_zone',
    });
  });
  it('else the clinic country', () => {
    expect(effectivePatientCountry(null, 'UTC', 'GB')).toEqual({ country: 'GB', basis: 'clinic' });
  });
});
