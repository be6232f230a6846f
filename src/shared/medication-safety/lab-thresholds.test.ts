import { describe, expect, it } from 'vitest';
import { labRange, labRanges } from './lab-ranges.js';
import { checkThresholds, thresholdsOf, withClinicThresholds } from './lab-thresholds.js';
import { interpretLabResult } from './labs.js';

const refs = (id: Parameters<typeof labRange>[0]) => thresholdsOf(labRange(id)).map((t) => t.reference);

describe('lab thresholds a clinic may edit', () => {
  it('lists one threshold per band with a bound, in band order', () => {
    expect(refs('lithium_level')).toEqual([2.0, 1.5, 1.2, 0.6]);
    expect(refs('anc_general')).toEqual([1500, 1000, 500]);
    expect(refs('platelets')).toEqual([50_000, 100_000, 150_000]);
    expect(refs('tsh')).toEqual([0.4, 4.0]);
    expect(refs('alt')).toEqual([3, 1]);
  });

  it('accepts the reference values of every range', () => {
    for (const range of labRanges)
      expect(
        checkThresholds(
          range,
          thresholdsOf(range).map((t) => t.reference),
        ),
      ).toEqual([]);
  });

  it.each([
    // [range, values, index of the refused field]
    ['lithium_level', [2.0, 1.1, 1.2, 0.6], 2], // urgent below high
    ['lithium_level', [1.5, 1.5, 1.2, 0.6], 1], // equal levels
    ['valproate_level', [150, 160, 100, 50], 1],
    ['anc_general', [1500, 1600, 500], 1],
    ['platelets', [100_000, 50_000, 150_000], 1], // critical above high (low-side bands go up)
    ['tsh', [5, 4], 1], // lower limit above the upper
    ['alt', [1, 3], 1],
  ] as const)('%s %j is out of order at field %i', (id, values, index) => {
    const errors = checkThresholds(labRange(id), values);
    expect(errors.map((e) => e.index)).toEqual([index]);
    expect(errors[0]?.message).toMatch(/Must be|limit must be/);
  });

  it('refuses a zero, an impossible value and a wrong count', () => {
    expect(checkThresholds(labRange('lithium_level'), [2, 1.5, 1.2, 0])[0]?.index).toBe(3);
    expect(checkThresholds(labRange('lithium_level'), [20, 1.5, 1.2, 0.6])[0]?.index).toBe(0);
    expect(checkThresholds(labRange('lithium_level'), [2, 1.5])).toHaveLength(1);
  });

  it('does not apply values that fail the check', () => {
    const range = labRange('lithium_level');
    expect(withClinicThresholds(range, [1.0, 1.5, 1.2, 0.6])).toBe(range);
    expect(
      withClinicThresholds(
        range,
        thresholdsOf(range).map((t) => t.reference),
      ),
    ).toBe(range);
  });
});

describe('interpretation with the clinic’s thresholds', () => {
  const tierOf = (value: string, clinic?: number[]) => {
    const r = interpretLabResult('lithium_level', value, 'mmol/L', {
      clinicThresholds: clinic ? { lithium_level: clinic } : undefined,
    });
    if (!r.ok) throw new Error('refused');
    return r.interpretation;
  };

  it.each([
    // reference: >= 1.5 critical; clinic: urgent from 1.4
    ['1.45', undefined, 'high'],
    ['1.45', [2.0, 1.4, 1.2, 0.6], 'critical'],
    ['1.35', [2.0, 1.4, 1.2, 0.6], 'high'],
    ['1.25', [2.0, 1.4, 1.3, 0.6], 'normal'],
    ['0.55', [2.0, 1.5, 1.2, 0.5], 'normal'],
  ] as const)('lithium %s with %j is %s', (value, clinic, tier) => {
    expect(tierOf(value, clinic ? [...clinic] : undefined).tier).toBe(tier);
  });

  it('marks a band the clinic changed, with the reference beside it', () => {
    const i = tierOf('1.45', [2.0, 1.4, 1.2, 0.6]);
    expect(i.label).toContain('the clinic’s threshold is at or above 1.4 mmol/L (reference 1.5)');
    expect(i.target).toContain('the clinic’s thresholds apply');
    expect(tierOf('1.45').label).not.toContain('clinic');
  });

  it('a clinic range for another test leaves this one as the reference', () => {
    const r = interpretLabResult('platelets', '90000', '/uL', {
      clinicThresholds: { lithium_level: [2.0, 1.4, 1.2, 0.6] },
    });
    expect(r.ok && r.interpretation.tier).toBe('high');
    const edited = interpretLabResult('platelets', '90000', '/uL', {
      clinicThresholds: { platelets: [95_000, 120_000, 150_000] },
    });
    expect(edited.ok && edited.interpretation.tier).toBe('critical');
  });

  it('ALT bands edited as multiples of the upper limit of normal', () => {
    const r = interpretLabResult('liver_function', '100', 'U/L', {
      clinicThresholds: { alt: [2, 1] },
    });
    expect(r.ok && r.interpretation.tier).toBe('critical');
  });
});
