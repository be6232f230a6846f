import { addDays } from '../time/index.js';
import type { DosePeriod } from '../medications/schedule.js';

/**
 * When the next test is due because of what happened, not the regular schedule (medication-safety.md §3):
 * - after a result whose band names a follow-up (ANC 3 times weekly after mild neutropenia, daily after
 *   moderate or severe);
 * - a lithium level 5-7 days after starting or any dose change ("until stabilised", lithium label).
 * Pure; the server reads the results and the medication's dose periods and shows the earlier of this and
 * the regular schedule (shared/medications/monitoring.ts withEarlierDue).
 */
export interface EarlierDue {
  dueOn: string;
  dueFrom: string | null;
  reason: string;
}

/** The follow-up the latest result of a test asks for (null when its band names none). */
export function followUpAfterResult(
  latest: { takenOn: string; followUpDays: number | null; followUpText: string | null } | null,
): EarlierDue | null {
  if (latest?.followUpDays === null || latest?.followUpDays === undefined) return null;
  return {
    dueOn: addDays(latest.takenOn, latest.followUpDays),
    dueFrom: null,
    reason: `${latest.followUpText ?? 'Follow-up after the last result'} (last result ${latest.takenOn})`,
  };
}

/** Lithium label: a level 5-7 days after starting or any dose change. */
export const LITHIUM_LEVEL_AFTER_CHANGE_DAYS = { from: 5, to: 7 } as const;

/** Amount a day of one period (amount x doses a day); null when paused. */
export function dailyAmount(p: Pick<DosePeriod, 'doseAmount' | 'schedule' | 'paused'>): number | null {
  if (p.paused) return null;
  const s = p.schedule;
  switch (s.kind) {
    case 'times':
      return p.doseAmount * s.times.length * ((s.weekdays?.length ?? 7) / 7);
    case 'every_n_hours':
      return (p.doseAmount * 24) / s.everyHours;
    case 'as_needed':
      return p.doseAmount * s.maxPerDay;
    default:
      return p.doseAmount;
  }
}

export interface DoseChangeDay {
  on: string;
  kind: 'started' | 'dose_changed' | 'restarted';
}

/** Days the medication started, restarted after a pause, or its amount a day (or unit) changed. */
export function doseChangeDays(
  periods: readonly Pick<DosePeriod, 'from' | 'doseAmount' | 'doseUnit' | 'schedule' | 'paused'>[],
): DoseChangeDay[] {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const out: DoseChangeDay[] = [];
  let previous: { amount: number; unit: string } | null = null;
  let pausedBefore = false;
  for (const p of sorted) {
    const amount = dailyAmount(p);
    if (amount === null) {
      pausedBefore = previous !== null;
      continue;
    }
    if (previous === null) out.push({ on: p.from, kind: 'started' });
    else if (pausedBefore) out.push({ on: p.from, kind: 'restarted' });
    else if (Math.abs(previous.amount - amount) > 1e-9 || previous.unit !== p.doseUnit)
      out.push({ on: p.from, kind: 'dose_changed' });
    previous = { amount, unit: p.doseUnit };
    pausedBefore = false;
  }
  return out;
}

const kindWords: Record<DoseChangeDay['kind'], string> = {
  started: 'Lithium started',
  restarted: 'Lithium restarted',
  dose_changed: 'Lithium dose changed',
};

/**
 * The lithium level due after the latest start or dose change on or before `today` that no level taken from
 * day 5 after it covers; else the next planned change (titration step). Null when every change is covered.
 */
export function lithiumLevelAfterDoseChange(
  periods: readonly Pick<DosePeriod, 'from' | 'doseAmount' | 'doseUnit' | 'schedule' | 'paused'>[],
  levelDays: readonly string[],
  today: string,
): EarlierDue | null {
  const changes = doseChangeDays(periods);
  const past = changes.filter((c) => c.on <= today);
  const candidates = [past[past.length - 1], changes.find((c) => c.on > today)];
  for (const change of candidates) {
    if (!change) continue;
    const dueFrom = addDays(change.on, LITHIUM_LEVEL_AFTER_CHANGE_DAYS.from);
    if (levelDays.some((d) => d >= dueFrom)) continue;
    return {
      dueFrom,
      dueOn: addDays(change.on, LITHIUM_LEVEL_AFTER_CHANGE_DAYS.to),
      reason: `${kindWords[change.kind]} on ${change.on}: level 5-7 days later (lithium label)`,
    };
  }
  return null;
}
