import { describe, expect, it } from 'vitest';
import { interpretLabResult, parseLabValue, unitChoices, type LabContext } from './labs.js';
import { labRanges } from './lab-ranges.js';

function read(test: string, value: string, unit: string, ctx: LabContext = {}) {
  const r = interpretLabResult(test, value, unit, ctx);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.interpretation;
}

// One row per band of medication-safety.md §3 (values either side of each boundary).
describe('lab interpretation, one row per band of the reference', () => {
  it.each([
    // lithium (lithium label): 0.6-1.2 target; > 1.2 high; >= 1.5 urgent; >= 2.0 urgent + emergency advice
    ['lithium_level', '0.5', 'mmol/L', {}, 'normal', 'low', null],
    ['lithium_level', '0.6', 'mmol/L', {}, 'normal', 'in_range', null],
    ['lithium_level', '1.2', 'mmol/L', {}, 'normal', 'in_range', null],
    ['lithium_level', '1.3', 'mmol/L', {}, 'high', 'high', null],
    ['lithium_level', '1.49', 'mEq/L', {}, 'high', 'high', null],
    ['lithium_level', '1.5', 'mmol/L', {}, 'critical', 'high', null],
    ['lithium_level', '1.99', 'mmol/L', {}, 'critical', 'high', null],
    ['lithium_level', '2.4', 'mmol/L', {}, 'critical', 'high', null],
    // clozapine ANC, general population (clozapine label 2025)
    ['anc', '1500', 'cells/uL', {}, 'normal', 'in_range', null],
    ['anc', '1499', 'cells/uL', {}, 'abnormal', 'low', 2],
    ['anc', '1000', 'cells/uL', {}, 'abnormal', 'low', 2],
    ['anc', '999', 'cells/uL', {}, 'high', 'low', 1],
    ['anc', '500', 'cells/uL', {}, 'high', 'low', 1],
    ['anc', '499', 'cells/uL', {}, 'critical', 'low', 1],
    ['anc', '0.4', 'x10^9/L', {}, 'critical', 'low', 1],
    ['anc', '1.5', 'x10^9/L', {}, 'normal', 'in_range', null],
    // clozapine ANC, benign ethnic neutropenia (clozapine label)
    ['anc', '1000', 'cells/uL', { benignEthnicNeutropenia: true }, 'normal', 'in_range', null],
    ['anc', '1499', 'cells/uL', { benignEthnicNeutropenia: true }, 'normal', 'in_range', null],
    ['anc', '999', 'cells/uL', { benignEthnicNeutropenia: true }, 'abnormal', 'low', 2],
    ['anc', '500', 'cells/uL', { benignEthnicNeutropenia: true }, 'abnormal', 'low', 2],
    ['anc', '499', 'cells/uL', { benignEthnicNeutropenia: true }, 'critical', 'low', 1],
    // valproate total level (divalproex label): 50-100 (mania up to 125); > 125 high; > 150 urgent
    ['valproate_level', '49', 'ug/mL', {}, 'normal', 'low', null],
    ['valproate_level', '50', 'ug/mL', {}, 'normal', 'in_range', null],
    ['valproate_level', '100', 'mg/L', {}, 'normal', 'in_range', null],
    ['valproate_level', '125', 'ug/mL', {}, 'normal', 'high', null],
    ['valproate_level', '126', 'ug/mL', {}, 'high', 'high', null],
    ['valproate_level', '150', 'ug/mL', {}, 'high', 'high', null],
    ['valproate_level', '151', 'ug/mL', {}, 'critical', 'high', null],
    // platelets (valproate label): >= 150,000 normal; < 100,000 prescriber today; < 50,000 urgent
    ['platelets', '150,000', '/uL', {}, 'normal', 'in_range', null],
    ['platelets', '149', 'x10^9/L', {}, 'normal', 'low', null],
    ['platelets', '100', 'x10^3/uL', {}, 'normal', 'low', null],
    ['platelets', '99,000', '/uL', {}, 'high', 'low', null],
    ['platelets', '50', 'x10^9/L', {}, 'high', 'low', null],
    ['platelets', '40,000', '/uL', {}, 'critical', 'low', null],
    // ALT / AST (valproate boxed warning): > 3x upper limit of normal urgent (default ULN 40 U/L)
    ['liver_function', '40', 'U/L', {}, 'normal', 'in_range', null],
    ['liver_function', '120', 'U/L', {}, 'normal', 'high', null],
    ['liver_function', '121', 'U/L', {}, 'critical', 'high', null],
    ['liver_function', '900', 'IU/L', {}, 'critical', 'high', null],
    ['ast', '100', 'U/L', { upperLimitOfNormal: 30 }, 'critical', 'high', null],
    ['ast', '100', 'U/L', { clinicUpperLimitOfNormal: { ast: 35 } }, 'normal', 'high', null],
    // lithium TSH, kidney, calcium (lithium label / NICE CG185): out of range → prescriber
    ['thyroid_function', '2', 'mIU/L', {}, 'normal', 'in_range', null],
    ['thyroid_function', '6.5', 'uIU/mL', {}, 'abnormal', 'high', null],
    ['thyroid_function', '0.1', 'mIU/L', {}, 'abnormal', 'low', null],
    ['renal_function', '75', 'mL/min/1.73m2', {}, 'normal', 'in_range', null],
    ['renal_function', '55', 'mL/min/1.73m2', {}, 'abnormal', 'low', null],
    ['renal_function', '90', 'umol/L', {}, 'normal', 'in_range', null],
    ['renal_function', '1.8', 'mg/dL', {}, 'abnormal', 'high', null],
    ['calcium', '2.4', 'mmol/L', {}, 'normal', 'in_range', null],
    ['calcium', '11.2', 'mg/dL', {}, 'abnormal', 'high', null],
    ['calcium', '2.0', 'mmol/L', {}, 'abnormal', 'low', null],
  ] as const)('%s %s %s %j → %s (%s)', (test, value, unit, ctx, tier, direction, followUp) => {
    const r = read(test, value, unit, ctx);
    expect(r.tier).toBe(tier);
    expect(r.direction).toBe(direction);
    expect(r.followUpDays).toBe(followUp);
    expect(r.source.length).toBeGreaterThan(0);
  });

  it('lithium 2.0 and above carries emergency advice; 1.5-1.99 does not', () => {
    expect(read('lithium_level', '2.0', 'mmol/L').emergencyAdvice).toMatch(/emergency/);
    expect(read('lithium_level', '1.7', 'mmol/L').emergencyAdvice).toBeNull();
  });

  it('moderate and severe neutropenia interrupt clozapine; mild does not', () => {
    expect(read('anc', '700', 'cells/uL').interrupt).toBe(true);
    expect(read('anc', '400', 'cells/uL').interrupt).toBe(true);
    expect(read('anc', '1200', 'cells/uL').interrupt).toBe(false);
  });

  it('ALT uses the report’s upper limit over the clinic’s over the default, and says which', () => {
    expect(read('liver_function', '100', 'U/L', { upperLimitOfNormal: 30 })).toMatchObject({
      upperLimitOfNormal: 30,
      upperLimitSource: 'Laboratory report',
      tier: 'critical',
    });
    expect(read('liver_function', '100', 'U/L', { clinicUpperLimitOfNormal: { alt: 50 } })).toMatchObject({
      upperLimitOfNormal: 50,
      upperLimitSource: 'Clinic setting',
      timesUpperLimit: 2,
    });
    expect(read('liver_function', '15', 'ukat/L').canonicalValue).toBe(900);
  });

  it('every range has a source and a last band that always matches', () => {
    for (const r of labRanges) {
      expect(r.source).not.toBe('');
      expect(r.bands[r.bands.length - 1]?.when).toEqual({});
    }
  });
});

describe('refused results (error at the field)', () => {
  it.each([
    ['lithium_level', '-1', 'mmol/L', 'value', /negative/],
    ['lithium_level', '24', 'mmol/L', 'value', /not a possible result/],
    ['lithium_level', 'high', 'mmol/L', 'value', /Enter a number/],
    ['lithium_level', '', 'mmol/L', 'value', /Enter the result/],
    ['lithium_level', '1,2', 'mmol/L', 'value', /point for decimals/],
    ['lithium_level', '<0.2', 'mmol/L', 'value', /cannot be interpreted/],
    ['lithium_level', '0.8', '', 'unit', /Choose the unit/],
    ['lithium_level', '0.8', 'mg/dL', 'unit', /Unknown unit/],
    ['anc', '1.2', 'cells/uL', 'value', /whole number/],
    ['anc', '1500', 'x10^9/L', 'value', /not a possible result/],
    ['platelets', '150', '/uL', 'value', /not a possible result/],
    ['liver_function', '900', 'U/L', 'upperLimitOfNormal', /upper limit/],
    ['weight', '80', 'kg', 'value', /no laboratory range/],
  ] as const)('%s %s %s → %s', (test, value, unit, field, message) => {
    const r = interpretLabResult(
      test,
      value,
      unit,
      field === 'upperLimitOfNormal' ? { upperLimitOfNormal: 0 } : {},
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.field).toBe(field);
    expect(r.errors[0]?.message).toMatch(message);
  });

  it('an upper limit of normal is refused for a test that has none', () => {
    const r = interpretLabResult('lithium_level', '0.8', 'mmol/L', { upperLimitOfNormal: 40 });
    expect(r.ok ? null : r.errors[0]?.field).toBe('upperLimitOfNormal');
  });

  it('reports value and unit errors together', () => {
    const r = interpretLabResult('lithium_level', 'x', '', {});
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['value', 'unit']);
  });
});

describe('parseLabValue and unit choices', () => {
  it.each([
    ['40,000', 40000],
    ['1,234,567.5', 1234567.5],
    [' 0.8 ', 0.8],
    ['12', 12],
  ])('%s → %d', (raw, n) => {
    expect(parseLabValue(raw)).toEqual({ ok: true, value: n });
  });

  it('accepts spellings of a unit (µ, mcL, ×, case)', () => {
    expect(read('anc', '0.4', '×10^9/l').unit).toBe('x10^9/L');
    expect(read('valproate_level', '80', 'mcg/mL').unit).toBe('ug/mL');
    expect(read('renal_function', '90', 'µmol/L').unit).toBe('umol/L');
  });

  it('offers the units of each analyte of a test', () => {
    expect(unitChoices('lithium_level')).toEqual(['mmol/L', 'mEq/L']);
    expect(unitChoices('renal_function')).toEqual(['mL/min/1.73m2', 'umol/L', 'mg/dL']);
    expect(unitChoices('weight')).toEqual([]);
  });
});
