import { instrumentById, type InstrumentId } from '../measures/instruments.js';
import { interpret } from '../measures/interpretation.js';

export interface ScoredAnswer {
  id: string;
  day: string;
  total: number;
}

export interface MeasurementSummary {
  instrument: InstrumentId;
  name: string;
  count: number;
  baseline: ScoredAnswer | null;
  latest: ScoredAnswer | null;
  /** latest - baseline in points (negative: fewer symptoms); null without both or when they are one answer. */
  changePoints: number | null;
  changePercent: number | null;
  /** A fall of 50% or more from baseline (instruments.md "Change over time": ICSI; AIMS Center). */
  response: boolean;
  /** PHQ-9 below 5 after baseline (instruments.md: ICSI; AIMS Center); never for GAD-7 (none defined). */
  remission: boolean;
  /** The latest total's severity band label (instruments.md bands). */
  latestBand: string | null;
}

/**
 * Baseline, latest, change from baseline, response and remission of one instrument, as the measures
 * feature interprets them (shared/measures/interpretation.ts). The baseline is the answer a clinician
 * chose, else the first scored answer. `answers` in time order; unscored answers are left out by the caller.
 */
export function measurementSummary(
  instrument: InstrumentId,
  answers: readonly ScoredAnswer[],
  chosenBaselineId: string | null,
): MeasurementSummary {
  const def = instrumentById(instrument);
  const baseline = answers.find((a) => a.id === chosenBaselineId) ?? answers[0] ?? null;
  const latest = answers.at(-1) ?? null;
  const same = baseline !== null && latest !== null && baseline.id === latest.id;
  const result = interpret(def, latest?.total ?? null, baseline?.total ?? null, { isBaseline: same });
  const band =
    latest === null
      ? null
      : (def.severityBands.find((b) => latest.total >= b.min && latest.total <= b.max)?.label ?? null);
  return {
    instrument,
    name: def.name,
    count: answers.length,
    baseline,
    latest,
    changePoints: same ? null : result.changePoints,
    changePercent: same ? null : result.changePercent,
    response: !same && result.response,
    remission: result.remission,
    latestBand: band,
  };
}
