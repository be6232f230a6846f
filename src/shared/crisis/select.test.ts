import { describe, expect, it } from 'vitest';
import { euCountries } from './countries.js';
import { clinicCrisisResourceSchema, type ClinicCrisisResource, type CrisisResource } from './schemas.js';
import { crisisResourceSet, defaultsFor, needsRecheck, orderedFor, resourcesFor } from './select.js';

const phones = (list: readonly CrisisResource[]) => list.map((r) => [r.kind, r.phone ?? r.sms]);

describe('defaultsFor: the rows of crisis-lines.md by country', () => {
  // Expected values copied from ../shared/clinical/crisis-lines.md, row by row.
  it.each([
    [
      'US',
      [
        ['emergency', '911'],
        ['crisis_line', '988'],
        ['other', '741741'],
      ],
    ],
    [
      'CA',
      [
        ['emergency', '911'],
        ['crisis_line', '988'],
      ],
    ],
    [
      'GB',
      [
        ['emergency', '999'],
        ['crisis_line', '116 123'],
        ['other', '111'],
        ['other', '85258'],
      ],
    ],
    [
      'IE',
      [
        ['emergency', '112'],
        ['crisis_line', '116 123'],
        ['other', '50808'],
      ],
    ],
    [
      'DE',
      [
        ['emergency', '112'],
        ['crisis_line', '0800 111 0 111'],
      ],
    ],
    [
      'AT',
      [
        ['emergency', '112'],
        ['emergency', '144'],
        ['crisis_line', '142'],
      ],
    ],
    [
      'CH',
      [
        ['emergency', '112'],
        ['emergency', '144'],
        ['crisis_line', '143'],
      ],
    ],
    [
      'FR',
      [
        ['emergency', '112'],
        ['emergency', '15'],
        ['crisis_line', '3114'],
      ],
    ],
    [
      'NL',
      [
        ['emergency', '112'],
        ['crisis_line', '113'],
      ],
    ],
    [
      'AU',
      [
        ['emergency', '000'],
        ['crisis_line', '13 11 14'],
      ],
    ],
    [
      'NZ',
      [
        ['emergency', '111'],
        ['crisis_line', '1737'],
      ],
    ],
  ])('%s', (country, expected) => {
    expect(phones(defaultsFor(country))).toEqual(expected);
  });

  it('Germany lists all three TelefonSeelsorge numbers; Ireland 112 or 999; the US text line keyword', () => {
    const de = defaultsFor('DE').find((r) => r.kind === 'crisis_line');
    expect(de?.name).toBe('TelefonSeelsorge');
    expect([de?.phone, ...(de?.otherPhones ?? [])]).toEqual(['0800 111 0 111', '0800 111 0 222', '116 123']);
    expect(defaultsFor('IE')[0]?.otherPhones).toEqual(['999']);
    expect(defaultsFor('US').find((r) => r.kind === 'other')?.smsKeyword).toBe('HOME');
  });

  it('every EU country has 112 as its emergency number', () => {
    for (const country of euCountries) {
      expect(defaultsFor(country).find((r) => r.kind === 'emergency')?.phone, country).toBe('112');
    }
  });

  it('an EU country without a known line gets 112 only and is flagged "no crisis line set"', () => {
    const set = crisisResourceSet('PL', 'self_harm', []);
    expect(phones(set.resources)).toEqual([['emergency', '112']]);
    expect(set).toMatchObject({
      noCrisisLine: true,
      noEmergencyNumber: false,
      from: 'defaults',
      countryName: 'Poland',
    });
  });

  it('a country outside the reference gets nothing, flagged twice', () => {
    expect(crisisResourceSet('JP', 'self_harm', [])).toMatchObject({
      resources: [],
      noCrisisLine: true,
      noEmergencyNumber: true,
    });
  });

  it('every default row is valid, dated and names its source', () => {
    for (const country of ['US', 'CA', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'NL', 'AU', 'NZ']) {
      for (const r of defaultsFor(country)) {
        expect(clinicCrisisResourceSchema.safeParse({ ...r, country }).success, `${country} ${r.name}`).toBe(
          true,
        );
        expect(r.source).toMatch(/crisis-lines\.md/);
      }
    }
  });

  it('hands out copies: changing one does not change the defaults', () => {
    const first = defaultsFor('DE');
    first[1]?.otherPhones.push('1');
    expect(defaultsFor('DE')[1]?.otherPhones).toEqual(['0800 111 0 222', '116 123']);
  });
});

describe('orderedFor', () => {
  const us = defaultsFor('US');
  it('a physical emergency lists the emergency number first', () => {
    expect(orderedFor('physical_emergency', us).map((r) => r.kind)).toEqual([
      'emergency',
      'crisis_line',
      'other',
    ]);
  });
  it('self-harm lists the crisis line first and the emergency number beside it', () => {
    expect(orderedFor('self_harm', us).map((r) => r.kind)).toEqual(['crisis_line', 'emergency', 'other']);
  });
  it("keeps the clinic's order within a kind and drops nothing", () => {
    const at = defaultsFor('AT');
    const ordered = orderedFor('self_harm', at);
    expect(ordered.map((r) => r.phone)).toEqual(['142', '112', '144']);
    expect(orderedFor('physical_emergency', at).map((r) => r.phone)).toEqual(['112', '144', '142']);
  });
});

describe("resourcesFor: the clinic's own list and the patient's country", () => {
  const own = (country: string, name: string): ClinicCrisisResource =>
    clinicCrisisResourceSchema.parse({
      country,
      kind: 'crisis_line',
      name,
      phone: '0100',
      lastVerified: '2026-01-01',
    });

  it("the clinic's entries for a country replace that country's defaults", () => {
    const emergency = clinicCrisisResourceSchema.parse({
      country: 'DE',
      kind: 'emergency',
      name: 'Notruf',
      phone: '0100',
      lastVerified: '2026-01-01',
    });
    const result = resourcesFor('DE', [
      own('DE', 'Berliner Krisendienst'),
      own('US', 'Clinic line'),
      emergency,
    ]);
    expect(result.from).toBe('clinic');
    expect(result.resources.map((r) => r.name)).toEqual(['Berliner Krisendienst', 'Notruf']);
  });

  it('a clinic list without an emergency number still shows the country default one, after its own', () => {
    const result = resourcesFor('DE', [own('DE', 'Berliner Krisendienst')]);
    expect(result.resources.map((r) => [r.kind, r.name])).toEqual([
      ['crisis_line', 'Berliner Krisendienst'],
      ['emergency', 'Emergency services'],
    ]);
    expect(result.resources[1]?.phone).toBe(defaultsFor('DE')[0]?.phone);
  });

  it("a patient in another country gets that country's defaults when the clinic set nothing for it", () => {
    const result = resourcesFor('DE', [own('US', 'Clinic line')]);
    expect(result.from).toBe('defaults');
    expect(result.resources.map((r) => r.name)).toEqual(['Emergency services', 'TelefonSeelsorge']);
  });
});

describe('needsRecheck (product policy: yearly)', () => {
  it.each([
    ['2025-12-06', '2026-12-06', false],
    ['2025-12-05', '2026-12-06', true],
    ['2026-12-06', '2026-12-06', false],
    ['2024-02-29', '2025-03-01', true],
  ])('verified %s, today %s → %s', (verified, today, expected) => {
    expect(needsRecheck(verified, today)).toBe(expected);
  });
});
