import { addDays, instantAt, localDate, weekdayOf } from '../time/index.js';

/**
 * Clinic opening hours in the clinic's own IANA time zone (clinic settings). Escalation time counts only
 * while the clinic is open (care-rules.md "Safety": "default 4 hours in clinic hours"). Pure: local times
 * are turned into instants per day through Intl, so a day with a daylight-saving change still opens at
 * its local opening time and counts the real hours between opening and closing.
 */
export interface ClinicHours {
  timeZone: string;
  /** ISO weekdays the clinic is open: 1 = Monday … 7 = Sunday. */
  openDays: readonly number[];
  /** 'HH:MM', local; opensAt < closesAt (one opening window per day). */
  opensAt: string;
  closesAt: string;
}

/** A week without opening hours means the clinic never opens; a hard cap keeps odd settings finite. */
const WEEK = 7;
const MAX_DAYS = 366 * 100;

/** The opening window [opens, closes) of one local day as instants, or null when the clinic is shut. */
export function openingWindow(day: string, hours: ClinicHours): { opens: number; closes: number } | null {
  if (!hours.openDays.includes(weekdayOf(day))) return null;
  const opens = instantAt(day, hours.opensAt, hours.timeZone);
  const closes = instantAt(day, hours.closesAt, hours.timeZone);
  return closes > opens ? { opens, closes } : null;
}

const dayOf = (at: number, hours: ClinicHours): string => localDate(at, hours.timeZone);

/** True while the clinic is open at this instant. */
export function isClinicOpen(at: number, hours: ClinicHours): boolean {
  const w = openingWindow(dayOf(at, hours), hours);
  return w !== null && at >= w.opens && at < w.closes;
}

/** The first instant at or after `at` when the clinic is closed (`at` itself when closed then). */
export function nextClosedInstant(at: number, hours: ClinicHours): number {
  const w = openingWindow(dayOf(at, hours), hours);
  return w !== null && at >= w.opens && at < w.closes ? w.closes : at;
}

/**
 * The instant when `hoursToCount` hours of opening time have passed since `from`. Time outside the opening
 * window does not count. Null when the clinic has no opening hours at all (nothing would ever count).
 */
export function addClinicHours(from: number, hoursToCount: number, hours: ClinicHours): number | null {
  let remaining = hoursToCount * 3600_000;
  let day = dayOf(from, hours);
  let closedDays = 0;
  for (let i = 0; i < MAX_DAYS && closedDays < WEEK; i++) {
    const w = openingWindow(day, hours);
    closedDays = w === null ? closedDays + 1 : 0;
    if (w !== null) {
      const start = Math.max(from, w.opens);
      if (start < w.closes) {
        const available = w.closes - start;
        if (remaining <= available) return start + remaining;
        remaining -= available;
      }
    }
    day = addDays(day, 1);
  }
  return null;
}
