/**
 * Units of the laboratory results Duet interprets, and their conversion to one canonical unit per analyte
 * (medication-safety.md §3: "A result in another unit (mEq/L = mmol/L for lithium; ANC as x10^9/L = x1000/uL)
 * is converted, never misread"). Pure. Factors are exact definitions or molar masses, named beside each unit.
 */
export interface LabUnit {
  /** As shown to people and stored, e.g. 'x10^9/L'. */
  unit: string;
  /** canonical value = value x factor. */
  factor: number;
  /** Why the factor is what it is. */
  basis: string;
  /** Counts per microlitre are whole numbers: a fraction in this unit means the wrong unit was chosen. */
  wholeNumbers?: boolean;
}

export type AnalyteCode =
  'lithium' | 'anc' | 'valproate' | 'platelets' | 'alt' | 'ast' | 'tsh' | 'egfr' | 'creatinine' | 'calcium';

export interface AnalyteUnits {
  canonicalUnit: string;
  units: LabUnit[];
  /** Values outside this canonical range cannot be a human result (or were entered in another unit). */
  plausible: { min: number; max: number };
}

const same = 'same quantity';

export const analyteUnits: Record<AnalyteCode, AnalyteUnits> = {
  // Lithium is monovalent: 1 mEq/L = 1 mmol/L (medication-safety.md §3).
  lithium: {
    canonicalUnit: 'mmol/L',
    units: [
      { unit: 'mmol/L', factor: 1, basis: same },
      { unit: 'mEq/L', factor: 1, basis: 'lithium is monovalent: 1 mEq/L = 1 mmol/L' },
    ],
    plausible: { min: 0, max: 10 },
  },
  // ANC as x10^9/L = x1000/uL (medication-safety.md §3); 1 mm3 = 1 uL.
  anc: {
    canonicalUnit: 'cells/uL',
    units: [
      { unit: 'cells/uL', factor: 1, basis: same, wholeNumbers: true },
      { unit: 'cells/mm3', factor: 1, basis: '1 mm3 = 1 uL', wholeNumbers: true },
      { unit: 'x10^9/L', factor: 1000, basis: '10^9/L = 1000/uL' },
      { unit: 'x10^3/uL', factor: 1000, basis: '10^3/uL = 1000/uL' },
    ],
    plausible: { min: 0, max: 100_000 },
  },
  // Valproic acid: 1 ug/mL = 1 mg/L; molar mass 144.21 g/mol, so 1 umol/L = 0.14421 ug/mL.
  valproate: {
    canonicalUnit: 'ug/mL',
    units: [
      { unit: 'ug/mL', factor: 1, basis: same },
      { unit: 'mg/L', factor: 1, basis: '1 mg/L = 1 ug/mL' },
      { unit: 'umol/L', factor: 0.14421, basis: 'valproic acid 144.21 g/mol' },
    ],
    plausible: { min: 0, max: 1000 },
  },
  // Platelets: x10^9/L = x10^3/uL = 1000/uL. A platelet count under 1,000/uL is not a result a person lives
  // with: it is read as a count typed in thousands with the wrong unit and refused.
  platelets: {
    canonicalUnit: '/uL',
    units: [
      { unit: '/uL', factor: 1, basis: same, wholeNumbers: true },
      { unit: 'x10^9/L', factor: 1000, basis: '10^9/L = 1000/uL' },
      { unit: 'x10^3/uL', factor: 1000, basis: '10^3/uL = 1000/uL' },
    ],
    plausible: { min: 1000, max: 2_000_000 },
  },
  // Enzyme activity: 1 IU/L = 1 U/L; 1 ukat/L = 60 U/L (1 U = 1 umol/min, 1 kat = 1 mol/s).
  alt: {
    canonicalUnit: 'U/L',
    units: [
      { unit: 'U/L', factor: 1, basis: same },
      { unit: 'IU/L', factor: 1, basis: '1 IU/L = 1 U/L' },
      { unit: 'ukat/L', factor: 60, basis: '1 ukat/L = 60 U/L' },
    ],
    plausible: { min: 0, max: 50_000 },
  },
  ast: {
    canonicalUnit: 'U/L',
    units: [
      { unit: 'U/L', factor: 1, basis: same },
      { unit: 'IU/L', factor: 1, basis: '1 IU/L = 1 U/L' },
      { unit: 'ukat/L', factor: 60, basis: '1 ukat/L = 60 U/L' },
    ],
    plausible: { min: 0, max: 50_000 },
  },
  tsh: {
    canonicalUnit: 'mIU/L',
    units: [
      { unit: 'mIU/L', factor: 1, basis: same },
      { unit: 'uIU/mL', factor: 1, basis: '1 uIU/mL = 1 mIU/L' },
      { unit: 'mU/L', factor: 1, basis: '1 mU/L = 1 mIU/L' },
    ],
    plausible: { min: 0, max: 500 },
  },
  egfr: {
    canonicalUnit: 'mL/min/1.73m2',
    units: [{ unit: 'mL/min/1.73m2', factor: 1, basis: same }],
    plausible: { min: 0, max: 200 },
  },
  // Creatinine 113.12 g/mol: 1 mg/dL = 88.42 umol/L.
  creatinine: {
    canonicalUnit: 'umol/L',
    units: [
      { unit: 'umol/L', factor: 1, basis: same },
      { unit: 'mg/dL', factor: 88.42, basis: 'creatinine 113.12 g/mol: 1 mg/dL = 88.42 umol/L' },
    ],
    plausible: { min: 5, max: 3000 },
  },
  // Calcium 40.08 g/mol, divalent: 1 mmol/L = 4.008 mg/dL = 2 mEq/L.
  calcium: {
    canonicalUnit: 'mmol/L',
    units: [
      { unit: 'mmol/L', factor: 1, basis: same },
      { unit: 'mg/dL', factor: 1 / 4.008, basis: 'calcium 40.08 g/mol: 1 mmol/L = 4.008 mg/dL' },
      { unit: 'mEq/L', factor: 0.5, basis: 'calcium is divalent: 1 mmol/L = 2 mEq/L' },
    ],
    plausible: { min: 0.5, max: 6 },
  },
};

/** Spelling-insensitive key of a unit: case, spaces, µ/μ/mc → u, × → x, mm³ → mm3. */
export function unitKey(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[µμ]/g, 'u')
    .replace(/mcg/g, 'ug')
    .replace(/mcl/g, 'ul')
    .replace(/×/g, 'x')
    .replace(/\*/g, 'x')
    .replace(/³/g, '3')
    .replace(/²/g, '2')
    .replace(/10e/g, '10^')
    .replace(/10\^?(\d)/g, '10^$1');
}

/** The analyte's unit this spelling names, or null when it names none of them. */
export function findUnit(analyte: AnalyteCode, unit: string): LabUnit | null {
  const key = unitKey(unit);
  if (key === '') return null;
  return analyteUnits[analyte].units.find((u) => unitKey(u.unit) === key) ?? null;
}

/** value in `unit` → the analyte's canonical unit. */
export function toCanonical(value: number, unit: LabUnit): number {
  return tidy(value * unit.factor);
}

/** canonical value → `unit` (the inverse of toCanonical). */
export function fromCanonical(value: number, unit: LabUnit): number {
  return tidy(value / unit.factor);
}

/** Rounds away binary noise from a conversion (12 significant digits) so a round trip compares equal. */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}
