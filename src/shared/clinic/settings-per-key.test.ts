import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clinicSettingsSchema, parseClinicSettings } from './settings.js';

const entry = {
  country: 'DE',
  kind: 'crisis_line',
  name: 'Krisendienst',
  phone: '030 390 63 00',
  lastVerified: '2026-10-01',
};

describe('parseClinicSettings falls back per key (issue 12)', () => {
  it('one invalid key takes only itself back to its default', () => {
    const settings = parseClinicSettings(
      JSON.stringify({
        escalationHours: 'soon',
        planReviewWeeks: 6,
        country: 'DE',
        crisisResources: [entry],
      }),
    );
    expect(settings.escalationHours).toBe(clinicSettingsSchema.shape.escalationHours.parse(undefined));
    expect(settings.planReviewWeeks).toBe(6);
    expect(settings.country).toBe('DE');
    expect(settings.crisisResources.map((r) => r.name)).toEqual(['Krisendienst']);
  });

  it('an invalid crisis list falls back to none (the country defaults) and keeps the rest', () => {
    const settings = parseClinicSettings(
      JSON.stringify({ escalationHours: 3, country: 'DE', crisisResources: [{ label: 'old shape' }] }),
    );
    expect(settings).toMatchObject({ escalationHours: 3, country: 'DE', crisisResources: [] });
  });

  it.each([['{oops'], ['[]'], ['null'], ['{}']])('unreadable or empty %s: every default', (json) => {
    expect(parseClinicSettings(json)).toEqual(clinicSettingsSchema.parse({}));
  });

  it('an unknown country falls back to the default country', () => {
    expect(parseClinicSettings('{"country":"Germany","planReviewWeeks":8}')).toMatchObject({
      country: 'US',
      planReviewWeeks: 8,
    });
  });
});

describe('parseClinicSettings (property): a bad key never changes another key', () => {
  it('for any garbage under one key, every other valid stored key reads back as stored', () => {
    const valid = { escalationHours: 3, planReviewWeeks: 6, country: 'DE', crisisResources: [entry] };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), fc.anything(), (key, garbage) => {
        const settings = parseClinicSettings(JSON.stringify({ ...valid, [key]: garbage }));
        for (const [other, value] of Object.entries(valid)) {
          if (other === key) continue;
          if (other === 'crisisResources')
            expect(settings.crisisResources.map((r) => r.name)).toEqual(['Krisendienst']);
          else expect(settings[other as keyof typeof settings]).toEqual(value);
        }
      }),
    );
  });
});
