import { treatToTargetDefaults, type TreatToTargetSettings } from './settings.js';
import { LOW_BELOW, relapseFrom } from '../measures/interpretation.js';

/**
 * Where a patient stands against the treatment target. Thresholds and sources are in settings.ts. "early" =
 * before the not-improving week without a 25% fall yet (or only a baseline); "no_data" = no baseline of
 * the target questionnaire, or only a baseline at or after the not-improving week.
 *
 * Issue 12:
 * - the plan's target questionnaire decides (PHQ-9, GAD-7 or both; 'both' = both where both are measured,
 *   the default), and the worst status of the targets counts;
 * - worsening is judged against the baseline (reliable deterioration) and against the best recent score
 *   (shared/measures/interpretation.ts relapseFrom), on either questionnaire;
 * - never remission or response when the latest answer's day had a positive item 9 or a self-harm entry:
 *   the status is then what the fall alone gives below response (product policy);
 * - GAD-7's "remission" is its minimal band (< 5) — instruments.md gives no GAD-7 remission; product policy.
 */
export const registryStatuses = [
  'worsening',
  'not_improving',
  'partial',
  'early',
  'response',
  'remission',
  'no_data',
] as const;
export type RegistryStatus = (typeof registryStatuses)[number];

export const targetInstruments = ['PHQ-9', 'GAD-7', 'both'] as const;
export type TargetInstrument = (typeof targetInstruments)[number];

export interface ScoreSeries {
  baseline: number | null;
  latest: number | null;
  /** Scored answers after the baseline. */
  followUps: number;
  /** Lowest total of the 12 weeks before the latest answer (the latest excluded); null/absent when none. */
  recentBest?: number | null;
  /** The latest answer's day also had a positive PHQ-9 item 9 or a self-harm entry. */
  safetySameDay?: boolean;
}

/** Fall from baseline in percent (positive = better); null when there is no baseline, no follow-up or baseline 0. */
export function fallPercent(s: ScoreSeries): number | null {
  if (s.baseline === null || s.latest === null || s.followUps === 0 || s.baseline === 0) return null;
  return Math.round(((s.baseline - s.latest) / s.baseline) * 1000) / 10;
}

type Which = 'phq9' | 'gad7';

function worsened(s: ScoreSeries, which: Which, t: TreatToTargetSettings): boolean {
  if (s.baseline === null || s.latest === null || s.followUps === 0) return false;
  const reliable = which === 'phq9' ? t.phq9ReliableChange : t.gad7ReliableChange;
  if (s.latest - s.baseline >= reliable) return true;
  const best = s.recentBest ?? null;
  return best !== null && relapseFrom(which, s.latest, [best]) !== null;
}

const remissionBelow = (which: Which, t: TreatToTargetSettings) =>
  which === 'phq9' ? t.remissionBelow : LOW_BELOW;

/** One questionnaire's status against its own baseline (worsening included). */
export function instrumentStatus(
  s: ScoreSeries,
  which: Which,
  weeksInTreatment: number | null,
  t: TreatToTargetSettings = treatToTargetDefaults,
): RegistryStatus {
  if (worsened(s, which, t)) return 'worsening';
  const late = weeksInTreatment !== null && weeksInTreatment >= t.notImprovingWeeks;
  if (s.baseline === null || s.latest === null) return 'no_data';
  if (s.followUps === 0) return late ? 'no_data' : 'early';
  const fall = fallPercent(s) ?? 0;
  if (s.safetySameDay !== true) {
    if (s.latest < remissionBelow(which, t)) return 'remission';
    if (fall >= t.responseFallPercent) return 'response';
  }
  if (late) return 'not_improving';
  return fall >= t.partialFallPercent ? 'partial' : 'early';
}

/** Worst first: the order in which the statuses of several target questionnaires combine. */
const worstFirst: readonly RegistryStatus[] = [
  'worsening',
  'not_improving',
  'early',
  'partial',
  'response',
  'remission',
  'no_data',
];

export function registryStatus(
  phq9: ScoreSeries,
  gad7: ScoreSeries,
  weeksInTreatment: number | null,
  t: TreatToTargetSettings = treatToTargetDefaults,
  target: TargetInstrument = 'both',
): RegistryStatus {
  // Worsening on either questionnaire always shows, whatever the target.
  if (worsened(phq9, 'phq9', t) || worsened(gad7, 'gad7', t)) return 'worsening';
  const statuses: RegistryStatus[] = [];
  if (target !== 'GAD-7') statuses.push(instrumentStatus(phq9, 'phq9', weeksInTreatment, t));
  if (target === 'GAD-7' || (target === 'both' && gad7.baseline !== null))
    statuses.push(instrumentStatus(gad7, 'gad7', weeksInTreatment, t));
  const measured: RegistryStatus[] = statuses.filter((x) => x !== 'no_data');
  if (measured.length === 0) return 'no_data';
  return worstFirst.find((x) => measured.includes(x)) ?? 'no_data';
}

/**
 * The not-improving rule on one questionnaire: at week N or later, a follow-up less than the response fall
 * from baseline, and not in remission (nor its GAD-7 minimal band).
 */
export function isNotImproving(
  series: ScoreSeries,
  weeksInTreatment: number,
  t: TreatToTargetSettings = treatToTargetDefaults,
  which: Which = 'phq9',
): boolean {
  if (series.baseline === null || series.latest === null || series.followUps === 0) return false;
  if (weeksInTreatment < t.notImprovingWeeks) return false;
  if (series.latest < remissionBelow(which, t)) return false;
  return (fallPercent(series) ?? 0) < t.responseFallPercent;
}

/** The target questionnaires a plan's target names ('both' = both where both are measured). */
export function targetsOf(target: TargetInstrument, gad7Measured: boolean): Which[] {
  if (target === 'PHQ-9') return ['phq9'];
  if (target === 'GAD-7') return ['gad7'];
  return gad7Measured ? ['phq9', 'gad7'] : ['phq9'];
}

const WEEK_MS = 7 * 86_400_000;
/** Whole weeks since the treatment start (week 0 is the first week). */
export function weeksSince(startAt: number | null, now: number): number | null {
  return startAt === null ? null : Math.max(0, Math.floor((now - startAt) / WEEK_MS));
}
