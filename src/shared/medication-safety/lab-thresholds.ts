import { labRange, labRanges, type LabBand, type LabRange, type LabRangeId } from './lab-ranges.js';
import { analyteUnits } from './lab-units.js';

/**
 * Clinic-edited laboratory thresholds (issue 11): a clinic admin may change the number at each level of a
 * laboratory range of lab-ranges.ts (e.g. the lithium level at which a result is urgent). Only the numbers
 * change: the levels, their order, their tiers and what to do stay the reference's. The reference value and
 * its source stay beside each edited number. Pure: the server (authoritative) and the web form apply the same
 * values (`interpretLabResult(..., { clinicThresholds })`).
 */

export type ThresholdComparison = 'gt' | 'gte' | 'lt' | 'lte';

/** One editable number of a range: the bound of one level (band); the last band (the rest) has none. */
export interface LabThreshold {
  /** Position among the range's thresholds (= the band's position). */
  index: number;
  comparison: ThresholdComparison;
  /** The reference value (lab-ranges.ts). */
  reference: number;
  /** The level the threshold opens, as the reference names it. */
  bandLabel: string;
  tier: LabBand['tier'];
}

/** The clinic's values per range: one number per threshold, in the range's order. */
export type ClinicLabThresholds = Partial<Record<LabRangeId, number[]>>;

export interface ThresholdError {
  index: number;
  message: string;
}

function boundOf(band: LabBand): { comparison: ThresholdComparison; value: number } | null {
  for (const comparison of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = band.when[comparison];
    if (value !== undefined) return { comparison, value };
  }
  return null;
}

/** The editable thresholds of a range, in band order. */
export function thresholdsOf(range: LabRange): LabThreshold[] {
  const out: LabThreshold[] = [];
  range.bands.forEach((band, index) => {
    const bound = boundOf(band);
    if (bound)
      out.push({
        index,
        comparison: bound.comparison,
        reference: bound.value,
        bandLabel: band.label,
        tier: band.tier,
      });
  });
  return out;
}

/** The unit the thresholds of a range are in (canonical unit, or a multiple of the upper limit of normal). */
export function thresholdUnit(range: LabRange): string {
  return range.relativeToUpperLimit === true
    ? 'x upper limit of normal'
    : analyteUnits[range.analyte].canonicalUnit;
}

const isAbove = (c: ThresholdComparison) => c === 'gt' || c === 'gte';
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });

/**
 * Refuses values that would change the meaning of the range: a count that is not the range's, a value that is
 * not a possible result, or thresholds out of order (bands are read first to last, so an "urgent" level below
 * the "high" one would never be reached). One message per field; nothing is sorted or clamped.
 */
export function checkThresholds(range: LabRange, values: readonly number[]): ThresholdError[] {
  const thresholds = thresholdsOf(range);
  if (values.length !== thresholds.length)
    return [
      {
        index: 0,
        message: `This range has ${String(thresholds.length)} thresholds; ${String(values.length)} were sent.`,
      },
    ];
  const unit = thresholdUnit(range);
  const plausible =
    range.relativeToUpperLimit === true ? { min: 0, max: 100 } : analyteUnits[range.analyte].plausible;
  const errors: ThresholdError[] = [];
  values.forEach((value, i) => {
    if (!Number.isFinite(value) || value <= 0) errors.push({ index: i, message: 'Enter a number above 0.' });
    // Laboratory thresholds are written to at most 3 decimals (mmol/L, mU/L; counts are whole numbers).
    // Refusing finer values keeps every level a real interval: two thresholds a hair apart would leave the
    // level between them empty (found by the property test).
    else if (Number(value.toFixed(3)) !== value)
      errors.push({ index: i, message: 'Use at most 3 decimal places.' });
    else if (value < plausible.min || value > plausible.max)
      errors.push({
        index: i,
        message: `Must be between ${fmt(plausible.min)} and ${fmt(plausible.max)} ${unit}.`,
      });
  });
  if (errors.length > 0) return errors;
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1];
    const cur = thresholds[i];
    const a = values[i - 1];
    const b = values[i];
    if (!prev || !cur || a === undefined || b === undefined) continue;
    const prevWords = `${fmt(a)} ${unit} (“${prev.bandLabel}”)`;
    if (isAbove(prev.comparison) && isAbove(cur.comparison) && !(b < a))
      errors.push({ index: i, message: `Must be below ${prevWords}, the level read before it.` });
    else if (!isAbove(prev.comparison) && !isAbove(cur.comparison) && !(b > a))
      errors.push({ index: i, message: `Must be above ${prevWords}, the level read before it.` });
    else if (!isAbove(prev.comparison) && isAbove(cur.comparison) && !(b > a))
      errors.push({ index: i, message: `The upper limit must be above the lower limit ${prevWords}.` });
    else if (isAbove(prev.comparison) && !isAbove(cur.comparison) && !(b < a))
      errors.push({ index: i, message: `The lower limit must be below the upper limit ${prevWords}.` });
  }
  return errors;
}

const comparisonWords: Record<ThresholdComparison, string> = {
  gt: 'above',
  gte: 'at or above',
  lt: 'below',
  lte: 'at or below',
};

/**
 * The range with the clinic's numbers in place of the reference's. A band whose number the clinic changed
 * says so in its label, with the reference value beside it. Values that fail checkThresholds are not applied
 * (the server refuses them before they are stored); the reference stays.
 */
export function withClinicThresholds(range: LabRange, values: readonly number[] | undefined): LabRange {
  if (values === undefined || checkThresholds(range, values).length > 0) return range;
  const thresholds = thresholdsOf(range);
  const unit = thresholdUnit(range);
  const bands = range.bands.map((band, index) => {
    const at = thresholds.findIndex((t) => t.index === index);
    const t = thresholds[at];
    const value = values[at];
    if (!t || value === undefined || value === t.reference) return band;
    return {
      ...band,
      when: { [t.comparison]: value },
      label: `${band.label}: the clinic’s threshold is ${comparisonWords[t.comparison]} ${fmt(value)} ${unit} (reference ${fmt(t.reference)})`,
    };
  });
  if (bands.every((b, i) => b === range.bands[i])) return range;
  return { ...range, bands, target: `${range.target}; the clinic’s thresholds apply` };
}

/** All ranges with the clinic's values. */
export function clinicLabRanges(clinic: ClinicLabThresholds): LabRange[] {
  return labRanges.map((r) => withClinicThresholds(r, clinic[r.id]));
}

export function isLabRangeId(id: string): id is LabRangeId {
  return labRanges.some((r) => r.id === id);
}

export { labRange };
