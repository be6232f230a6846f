import { daysBetween } from '../time/index.js';
import type { AdherenceSettings } from './settings.js';
import type { Rate, Streaks } from './adherence.js';

/**
 * Below the threshold over the alert window (exactly at the threshold is fine: 80% of doses logged as taken
 * is adherent; care-rules.md "Adherence", product default). Compared on whole counts so rounding can never
 * flag 80.0%.
 */
export function isLowAdherence(rate: Rate, s: AdherenceSettings): boolean {
  if (rate.scheduled < s.adherenceMinDoses) return false;
  return rate.taken * 100 < s.adherenceThresholdPercent * rate.scheduled;
}

export function isMissedStreak(streaks: Streaks, s: AdherenceSettings): boolean {
  return streaks.current >= s.missedDosesInARow && streaks.currentStartKey !== null;
}

/**
 * One low-adherence alert per patient per alert window: the key names the block of `windowDays` days
 * (counted from 1970-01-05, a Monday) that today falls in, so a patient who stays below 80% is raised
 * again once per window rather than every minute or every day.
 */
export function lowAdherenceBlock(today: string, windowDays: number): string {
  const days = daysBetween('1970-01-05', today);
  return String(Math.floor(days / windowDays));
}
