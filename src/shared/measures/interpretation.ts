import type { Instrument } from './instruments.js';

/**
 * Thresholds of change over time (instruments.md, "Change over time"; care-rules.md, "Collaborative care"):
 * - response: a fall of >= 50% from baseline (ICSI depression guideline; AIMS Center);
 * - partial response: a fall of 25-49% (ICSI);
 * - remission: PHQ-9 < 5 (ICSI; AIMS Center) — per instrument in instruments.ts, none for GAD-7;
 * - reliable improvement / deterioration: PHQ-9 6 points, GAD-7 4 points (NHS Talking Therapies manual,
 *   via secondary sources; deterioration "unverified" in the clinical file).
 * Response and partial response are defined for PHQ-9 in the sources; Duet applies the same percentages to
 * GAD-7 (product policy) so one rule reads every instrument.
 */
export const RESPONSE_FALL_PERCENT = 50;
export const PARTIAL_RESPONSE_FALL_PERCENT = 25;

export interface Interpretation {
  baselineTotal: number | null;
  /** total - baseline: negative means fewer symptoms. Null without both totals. */
  changePoints: number | null;
  /** (total - baseline) / baseline x 100, one decimal; null without both totals or when baseline is 0. */
  changePercent: number | null;
  response: boolean;
  partialResponse: boolean;
  remission: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
}

const none = (baselineTotal: number | null): Interpretation => ({
  baselineTotal,
  changePoints: null,
  changePercent: null,
  response: false,
  partialResponse: false,
  remission: false,
  reliableImprovement: false,
  reliableDeterioration: false,
});

/** Remission needs only the total (care-rules.md: PHQ-9 < 5). */
export function isRemission(instrument: Instrument, total: number | null): boolean {
  const below = instrument.interpretation.remissionBelow;
  return total !== null && below !== null && total < below;
}

/**
 * Interprets a total against the patient's baseline total of the same instrument. Percent rules use exact
 * integer arithmetic, so a fall of exactly 50% is a response (>= 50%) and exactly 25% a partial response.
 */
export function interpret(
  instrument: Instrument,
  total: number | null,
  baselineTotal: number | null,
  opts: { isBaseline?: boolean } = {},
): Interpretation {
  if (total === null) return none(baselineTotal);
  // Remission is a change since treatment started: the baseline answer itself, or an answer without a
  // baseline, is never remission (issue 12: "a baseline of 3 alone is not remission"; product policy).
  const remission = isRemission(instrument, total) && baselineTotal !== null && opts.isBaseline !== true;
  if (baselineTotal === null) return { ...none(null), remission };
  const changePoints = total - baselineTotal;
  const fall = -changePoints;
  const reliable = instrument.interpretation.reliableChangePoints;
  // Baseline 0: a percent change is undefined, so no response and no partial response.
  const hasPercent = baselineTotal > 0;
  const response = hasPercent && fall * 100 >= RESPONSE_FALL_PERCENT * baselineTotal;
  const partialResponse =
    hasPercent && !response && fall * 100 >= PARTIAL_RESPONSE_FALL_PERCENT * baselineTotal;
  return {
    baselineTotal,
    changePoints,
    changePercent: hasPercent ? Math.round((changePoints / baselineTotal) * 1000) / 10 : null,
    response,
    partialResponse,
    remission,
    reliableImprovement: fall >= reliable,
    reliableDeterioration: changePoints >= reliable,
  };
}

/**
 * Relapse / worsening against the best recent score (issue 12; product policy built on the sources):
 * - a rise of RELAPSE_RISE_POINTS or more from the lowest total of the last RELAPSE_WINDOW_DAYS (PHQ-9
 *   5 points: the minimal clinically important individual change, Löwe et al., Med Care 2004; GAD-7 uses
 *   its reliable-change threshold, 4 points, NHS Talking Therapies via instruments.md);
 * - or from remission (below 5) back to 10 or more (PHQ-9 >= 10: the caseness cut-off, Kroenke 2001;
 *   GAD-7 >= 10 "warrants further evaluation", Spitzer 2006; GAD-7 "below 5" = its minimal band).
 */
export const RELAPSE_WINDOW_DAYS = 84;
export const RELAPSE_RISE_POINTS = { phq9: 5, gad7: 4 } as const;
export const LOW_BELOW = 5;
export const RELAPSE_AT_LEAST = 10;

export interface Relapse {
  kind: 'rise_from_best' | 'back_from_remission';
  /** The best (lowest) recent total it is judged against. */
  fromTotal: number;
  risePoints: number;
}

/**
 * Whether `total` is a relapse against the patient's recent scored totals of the same instrument (the
 * answers of the RELAPSE_WINDOW_DAYS before this one, this one excluded). Null when not.
 */
export function relapseFrom(
  instrumentId: 'phq9' | 'gad7',
  total: number | null,
  recentTotals: readonly number[],
): Relapse | null {
  if (total === null || recentTotals.length === 0) return null;
  const best = Math.min(...recentTotals);
  const rise = total - best;
  if (best < LOW_BELOW && total >= RELAPSE_AT_LEAST)
    return { kind: 'back_from_remission', fromTotal: best, risePoints: rise };
  if (rise >= RELAPSE_RISE_POINTS[instrumentId])
    return { kind: 'rise_from_best', fromTotal: best, risePoints: rise };
  return null;
}
