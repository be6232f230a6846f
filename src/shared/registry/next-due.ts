/**
 * When the next questionnaire is due, from the baseline day and the last answered day (YYYY-MM-DD).
 * Default schedule (care-rules.md, "Measurement schedule"): every 2 weeks during the first 12 weeks after
 * the baseline, then every 4 weeks. The next one is due one interval after the last answer, the interval
 * being that of the phase the last answer fell in.
 */
export interface MeasureCadence {
  acuteWeeks: number;
  acuteEveryWeeks: number;
  thenEveryWeeks: number;
}
export const defaultCadence: MeasureCadence = { acuteWeeks: 12, acuteEveryWeeks: 2, thenEveryWeeks: 4 };

const DAY_MS = 86_400_000;
const dayToMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const msToDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return msToDay(dayToMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS);
}

export function nextDueDay(
  baselineDay: string,
  lastDay: string,
  cadence: MeasureCadence = defaultCadence,
): string {
  const weeksIn = daysBetween(baselineDay, lastDay) / 7;
  const every = weeksIn < cadence.acuteWeeks ? cadence.acuteEveryWeeks : cadence.thenEveryWeeks;
  return addDays(lastDay, every * 7);
}

/** Days past due on `today` (0 or less = not overdue). */
export function daysOverdue(dueDay: string, today: string): number {
  return daysBetween(dueDay, today);
}

export const utcDay = msToDay;
