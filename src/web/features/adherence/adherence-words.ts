// Wording for adherence: plain numbers for the team, encouraging words for the patient. No rules here:
// the numbers come from the server (shared/adherence).
import type { AdherenceWindow } from '../../../shared/adherence/api';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const TIME_OF_DAY_LABELS = {
  morning: 'Morning (5-12)',
  afternoon: 'Afternoon (12-17)',
  evening: 'Evening (17-21)',
  night: 'Night (21-5)',
} as const;

/** "92% (26 of 28)" or "no doses yet". */
export function rateWords(w: { taken: number; scheduled: number; percent: number | null }): string {
  if (w.percent === null) return 'no doses yet';
  return `${String(w.percent)}% (${String(w.taken)} of ${String(w.scheduled)})`;
}

export function windowLabel(days: number): string {
  return `${String(days)} days`;
}

/**
 * The patient's sentence about the last 30 days: praise what went well, never scold; below the threshold,
 * an invitation to talk to the care team rather than a warning.
 */
export function encouragement(month: AdherenceWindow | undefined, thresholdPercent: number): string | null {
  if (!month || month.percent === null || month.scheduled === 0) return null;
  const took = `You took ${String(month.taken)} of your ${String(month.scheduled)} doses in the last ${String(month.days)} days`;
  if (month.taken === month.scheduled) return `${took} — every single one. Well done!`;
  if (month.percent >= 90) return `${took} — well done.`;
  if (month.percent >= thresholdPercent) return `${took} — good going, keep it up.`;
  return `${took}. Every dose you take counts. If something makes taking them hard, tell your care team: they can help.`;
}

/** Percent → a colour for the chart and heat map (Mantine palette names), with the threshold as the line. */
export function rateColor(percent: number | null, thresholdPercent: number): string {
  if (percent === null) return 'gray';
  if (percent >= 90) return 'teal';
  if (percent >= thresholdPercent) return 'yellow';
  return 'red';
}
