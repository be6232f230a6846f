import { treatToTargetDefaults, type TreatToTargetSettings } from './settings.js';

/**
 * Where a patient stands against the treatment target (PHQ-9, with GAD-7 for worsening). Thresholds and
 * sources are in settings.ts. "early" = before the not-improving week without a 25% fall yet (or only a
 * baseline); "no_data" = no PHQ-9 baseline, or only a baseline at or after the not-improving week.
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

export interface ScoreSeries {
  baseline: number | null;
  latest: number | null;
  /** Scored answers after the baseline. */
  followUps: number;
}

/** Fall from baseline in percent (positive = better); null when there is no baseline, no follow-up or baseline 0. */
export function fallPercent(s: ScoreSeries): number | null {
  if (s.baseline === null || s.latest === null || s.followUps === 0 || s.baseline === 0) return null;
  return Math.round(((s.baseline - s.latest) / s.baseline) * 1000) / 10;
}

function deteriorated(s: ScoreSeries, points: number): boolean {
  return s.baseline !== null && s.latest !== null && s.followUps > 0 && s.latest - s.baseline >= points;
}

export function registryStatus(
  phq9: ScoreSeries,
  gad7: ScoreSeries,
  weeksInTreatment: number | null,
  t: TreatToTargetSettings = treatToTargetDefaults,
): RegistryStatus {
  if (deteriorated(phq9, t.phq9ReliableChange) || deteriorated(gad7, t.gad7ReliableChange))
    return 'worsening';
  const late = weeksInTreatment !== null && weeksInTreatment >= t.notImprovingWeeks;
  if (phq9.baseline === null || phq9.latest === null) return 'no_data';
  if (phq9.followUps === 0) return late ? 'no_data' : 'early';
  if (phq9.latest < t.remissionBelow) return 'remission';
  const fall = fallPercent(phq9) ?? 0;
  if (fall >= t.responseFallPercent) return 'response';
  if (late) return 'not_improving';
  return fall >= t.partialFallPercent ? 'partial' : 'early';
}

/** The not-improving rule: at week N or later, a follow-up PHQ-9 less than the response fall from baseline. */
export function isNotImproving(
  phq9: ScoreSeries,
  weeksInTreatment: number,
  t: TreatToTargetSettings = treatToTargetDefaults,
): boolean {
  if (phq9.baseline === null || phq9.latest === null || phq9.followUps === 0) return false;
  if (weeksInTreatment < t.notImprovingWeeks) return false;
  if (phq9.latest < t.remissionBelow) return false;
  return (fallPercent(phq9) ?? 0) < t.responseFallPercent;
}

const WEEK_MS = 7 * 86_400_000;
/** Whole weeks since the treatment start (week 0 is the first week). */
export function weeksSince(startAt: number | null, now: number): number | null {
  return startAt === null ? null : Math.max(0, Math.floor((now - startAt) / WEEK_MS));
}
