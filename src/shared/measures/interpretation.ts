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
): Interpretation {
  if (total === null) return none(baselineTotal);
  const remission = isRemission(instrument, total);
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
