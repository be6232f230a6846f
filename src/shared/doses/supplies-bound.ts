import type { RefillForecast } from './schemas.js';

/** What a medication's forecast needs to know to be kept: the medication's last day (null: ongoing). */
export interface ForecastMedication {
  medicationId: string;
  endDate: string | null;
}

/**
 * The refill forecasts to list when a patient has more than `limit` (issue 19, docs/api.md "List limits"):
 * every current medication's (no end, or ending today or later) before any ended one, then the medications
 * that ended latest. The kept ones stay in the order they came (by name); `hasMore` says some were left out.
 * Product policy, not a clinical rule.
 */
export function boundForecasts(
  forecasts: readonly RefillForecast[],
  medications: readonly ForecastMedication[],
  today: string,
  limit: number,
): { supplies: RefillForecast[]; hasMore: boolean } {
  if (forecasts.length <= limit) return { supplies: [...forecasts], hasMore: false };
  const endOf = new Map(medications.map((m) => [m.medicationId, m.endDate]));
  // Current ones rank above every ended day; among ended ones the later end ranks higher.
  const rank = (f: RefillForecast): string => {
    const end = endOf.get(f.medicationId) ?? null;
    return end === null || end >= today ? '9999-12-31' : end;
  };
  const kept = new Set([...forecasts].sort((a, b) => rank(b).localeCompare(rank(a))).slice(0, limit));
  return { supplies: forecasts.filter((f) => kept.has(f)), hasMore: true };
}
