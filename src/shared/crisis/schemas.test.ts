import { describe, expect, it } from 'vitest';
import { countryCodeSchema } from './countries.js';
import { clinicCrisisResourceInputSchema } from './schemas.js';

const valid = { kind: 'crisis_line', name: 'Line', phone: '+49 30 123-45', lastVerified: '2026-01-31' };

describe('a crisis resource is validated field by field', () => {
  it('accepts a complete entry and fills the optional fields', () => {
    expect(clinicCrisisResourceInputSchema.parse(valid)).toMatchObject({
      otherPhones: [],
      sms: null,
      web: null,
    });
  });

  it.each([
    ['phone', { phone: '0800 abc' }],
    ['phone', { phone: null }],
    ['sms', { sms: '12x' }],
    ['smsKeyword', { sms: '741741', smsKeyword: 'two words' }],
    ['web', { web: 'http://insecure.example' }],
    ['name', { name: '' }],
    ['lastVerified', { lastVerified: '2026-02-30' }],
    ['lastVerified', { lastVerified: '31.01.2026' }],
    ['kind', { kind: 'hotline' }],
    ['country', { country: 'de' }],
    ['country', { country: 'XX' }],
  ])('refuses a bad %s, at that field', (field, change) => {
    const result = clinicCrisisResourceInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('a web address alone is enough to reach a service', () => {
    expect(
      clinicCrisisResourceInputSchema.safeParse({ ...valid, phone: null, web: 'https://example.org' })
        .success,
    ).toBe(true);
  });
});

describe('countryCodeSchema', () => {
  it.each(['DE', 'US', 'GB', 'NZ'])('accepts %s', (code) =>
    expect(countryCodeSchema.safeParse(code).success).toBe(true),
  );
  it.each(['de', 'UK', 'EU', 'XK', '', 'DEU'])('refuses %s', (code) =>
    expect(countryCodeSchema.safeParse(code).success).toBe(false),
  );
});
