import {
  DEFAULT_UPPER_LIMIT_OF_NORMAL,
  LAB_RANGES_VERSION,
  bandOf,
  labRange,
  type LabDirection,
  type LabRangeId,
  type LabTier,
} from './lab-ranges.js';
import { analyteUnits, findUnit, tidy, toCanonical, type AnalyteCode } from './lab-units.js';
import { withClinicThresholds, type ClinicLabThresholds } from './lab-thresholds.js';

/**
 * Interprets a laboratory result as it is recorded (medication-safety.md §3): the value is parsed, its unit
 * converted to the analyte's canonical unit, and the band of the reference range gives the tier and what to do.
 * Values that cannot be interpreted (not a number, negative, impossible magnitude, no or unknown unit) are
 * refused with a message per field. Pure: the server (authoritative) and the web form use the same function.
 */

/** Monitoring test code (shared/medications/monitoring.ts) → the analytes it can be measured as. */
export const labTestAnalytes: Record<string, AnalyteCode[]> = {
  lithium_level: ['lithium'],
  anc: ['anc'],
  valproate_level: ['valproate'],
  platelets: ['platelets'],
  liver_function: ['alt'],
  ast: ['ast'],
  thyroid_function: ['tsh'],
  renal_function: ['egfr', 'creatinine'],
  calcium: ['calcium'],
};

export function isLabTest(test: string): boolean {
  return test in labTestAnalytes;
}

/** Units a person can choose for a test (first = the usual one). Empty for tests Duet does not interpret. */
export function unitChoices(test: string): string[] {
  return (labTestAnalytes[test] ?? []).flatMap((a) => analyteUnits[a].units.map((u) => u.unit));
}

export interface LabInterpretation {
  rangesVersion: string;
  rangeId: LabRangeId;
  rangeLabel: string;
  target: string;
  source: string;
  value: number;
  unit: string;
  canonicalValue: number;
  canonicalUnit: string;
  /** ALT/AST: the upper limit of normal used, and the result as a multiple of it. */
  upperLimitOfNormal: number | null;
  upperLimitSource: string | null;
  timesUpperLimit: number | null;
  tier: LabTier;
  direction: LabDirection;
  label: string;
  action: string;
  followUpDays: number | null;
  followUpText: string | null;
  interrupt: boolean;
  emergencyAdvice: string | null;
  productPolicy: boolean;
}

export interface LabFieldError {
  field: 'value' | 'unit' | 'upperLimitOfNormal';
  message: string;
}

export type LabReading =
  { ok: true; interpretation: LabInterpretation } | { ok: false; errors: LabFieldError[] };

export interface LabContext {
  /** Clozapine: the patient's record says benign ethnic neutropenia → the BEN ANC table. */
  benignEthnicNeutropenia?: boolean;
  /** ALT/AST: the laboratory's upper limit of normal on the report (U/L). */
  upperLimitOfNormal?: number | null;
  /** ALT/AST: the clinic's upper limit of normal (U/L) when the report gives none. */
  clinicUpperLimitOfNormal?: { alt?: number; ast?: number };
  /** The clinic's edited thresholds per range (lab-thresholds.ts); a range not named keeps the reference. */
  clinicThresholds?: ClinicLabThresholds;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** '40,000' and '1.25' are numbers; '1,5', '-2', '1e3', '' and words are not. */
export function parseLabValue(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter the result.' };
  if (text.startsWith('-')) return { ok: false, message: 'A laboratory result cannot be negative.' };
  if (/^[<>]/.test(text))
    return {
      ok: false,
      message:
        'Enter the number the laboratory reported (a "<" or ">" value cannot be interpreted); add it in the note.',
    };
  if (THOUSANDS.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
  if (/^\d+,\d{1,2}$/.test(text))
    return { ok: false, message: 'Use a point for decimals (for example 1.5).' };
  return { ok: false, message: 'Enter a number, for example 0.8 or 1,200.' };
}

function analyteFor(test: string, unit: string): { analyte: AnalyteCode } | { message: string } {
  const analytes = labTestAnalytes[test] ?? [];
  if (unit.trim() === '') return { message: `Choose the unit (${unitChoices(test).join(', ')}).` };
  const analyte = analytes.find((a) => findUnit(a, unit) !== null);
  if (!analyte)
    return {
      message: `Unknown unit “${unit.trim()}” for this test. Choose one of: ${unitChoices(test).join(', ')}.`,
    };
  return { analyte };
}

function rangeIdFor(analyte: AnalyteCode, ctx: LabContext): LabRangeId {
  switch (analyte) {
    case 'lithium':
      return 'lithium_level';
    case 'anc':
      return ctx.benignEthnicNeutropenia === true ? 'anc_ben' : 'anc_general';
    case 'valproate':
      return 'valproate_level';
    default:
      return analyte;
  }
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Reads one result of a monitoring test. Tests Duet does not interpret (weight, blood pressure …) are refused. */
export function interpretLabResult(
  test: string,
  rawValue: string,
  rawUnit: string,
  ctx: LabContext = {},
): LabReading {
  const errors: LabFieldError[] = [];
  if (!isLabTest(test))
    return { ok: false, errors: [{ field: 'value', message: 'This test has no laboratory range.' }] };
  const parsed = parseLabValue(rawValue);
  if (!parsed.ok) errors.push({ field: 'value', message: parsed.message });
  const which = analyteFor(test, rawUnit);
  if ('message' in which) errors.push({ field: 'unit', message: which.message });
  if (!parsed.ok || 'message' in which) return { ok: false, errors };

  const { analyte } = which;
  const spec = analyteUnits[analyte];
  const unit = findUnit(analyte, rawUnit);
  if (!unit) return { ok: false, errors: [{ field: 'unit', message: 'Unknown unit.' }] };
  const value = parsed.value;
  if (unit.wholeNumbers === true && !Number.isInteger(value))
    return {
      ok: false,
      errors: [
        {
          field: 'value',
          message: `A count in ${unit.unit} is a whole number: ${formatNumber(value)} looks like a count in thousands (x10^9/L or x10^3/uL). Check the unit.`,
        },
      ],
    };
  const canonical = toCanonical(value, unit);
  if (canonical < spec.plausible.min || canonical > spec.plausible.max)
    return {
      ok: false,
      errors: [
        {
          field: 'value',
          message: `${formatNumber(value)} ${unit.unit} is not a possible result (possible: ${formatNumber(tidy(spec.plausible.min / unit.factor))}-${formatNumber(tidy(spec.plausible.max / unit.factor))} ${unit.unit}). Check the value and the unit.`,
        },
      ],
    };

  const rangeId = rangeIdFor(analyte, ctx);
  const range = withClinicThresholds(labRange(rangeId), ctx.clinicThresholds?.[rangeId]);
  if (
    range.relativeToUpperLimit !== true &&
    ctx.upperLimitOfNormal !== undefined &&
    ctx.upperLimitOfNormal !== null
  )
    return {
      ok: false,
      errors: [
        { field: 'upperLimitOfNormal', message: 'An upper limit of normal applies to ALT and AST only.' },
      ],
    };
  let upperLimit: number | null = null;
  let upperLimitSource: string | null = null;
  let banded = canonical;
  if (range.relativeToUpperLimit === true) {
    const key = analyte === 'ast' ? 'ast' : 'alt';
    if (ctx.upperLimitOfNormal !== undefined && ctx.upperLimitOfNormal !== null) {
      if (!(ctx.upperLimitOfNormal > 0) || ctx.upperLimitOfNormal > 1000)
        return {
          ok: false,
          errors: [
            {
              field: 'upperLimitOfNormal',
              message: 'The upper limit of normal must be between 1 and 1000 U/L.',
            },
          ],
        };
      upperLimit = ctx.upperLimitOfNormal;
      upperLimitSource = 'Laboratory report';
    } else if (ctx.clinicUpperLimitOfNormal?.[key] !== undefined) {
      upperLimit = ctx.clinicUpperLimitOfNormal[key];
      upperLimitSource = 'Clinic setting';
    } else {
      upperLimit = DEFAULT_UPPER_LIMIT_OF_NORMAL[key].value;
      upperLimitSource = DEFAULT_UPPER_LIMIT_OF_NORMAL[key].source;
    }
    banded = tidy(canonical / upperLimit);
  }
  const band = bandOf(range, banded);
  return {
    ok: true,
    interpretation: {
      rangesVersion: LAB_RANGES_VERSION,
      rangeId: range.id,
      rangeLabel: range.label,
      target: upperLimit === null ? range.target : `${range.target} (${formatNumber(upperLimit)} U/L)`,
      source: range.source,
      value,
      unit: unit.unit,
      canonicalValue: canonical,
      canonicalUnit: spec.canonicalUnit,
      upperLimitOfNormal: upperLimit,
      upperLimitSource,
      timesUpperLimit: upperLimit === null ? null : banded,
      tier: band.tier,
      direction: band.direction,
      label: band.label,
      action: band.action,
      followUpDays: band.followUpDays ?? null,
      followUpText: band.followUpText ?? null,
      interrupt: band.interrupt === true,
      emergencyAdvice: band.emergencyAdvice ?? null,
      productPolicy: band.productPolicy === true,
    },
  };
}

/** Words for a tier, as the team reads them. */
export const labTierWords: Record<LabTier, string> = {
  normal: 'Normal',
  abnormal: 'Out of range',
  high: 'High',
  critical: 'Critical',
};
