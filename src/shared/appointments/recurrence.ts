import { addDays, daysBetween, instantAt, minutes } from '../time/index.js';

/**
 * Expanding a booking into its occurrences. A series is "every 1 or 2 weeks on the first day's weekday, at
 * the same local time in the patient's zone", ending after a count or on an until-day (inclusive). The
 * instants are computed per occurrence, so a weekly 09:00 stays 09:00 local across daylight saving.
 */
export const MAX_OCCURRENCES = 52;

export type Frequency = 'weekly' | 'fortnightly';

export interface Recurrence {
  frequency: Frequency;
  /** End after this many occurrences (the first one included)… */
  count?: number | undefined;
  /** …or with the last occurrence on or before this day (YYYY-MM-DD). */
  untilDay?: string | undefined;
}

export interface Booking {
  /** First occurrence, local day and time in `timeZone`. */
  day: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  recurrence?: Recurrence | null | undefined;
}

export interface Occurrence {
  day: string;
  time: string;
  startsAt: number;
  endsAt: number;
}

const stepDays: Record<Frequency, number> = { weekly: 7, fortnightly: 14 };

/** One occurrence at a local day and time. */
export function occurrenceAt(
  day: string,
  time: string,
  timeZone: string,
  durationMinutes: number,
): Occurrence {
  const startsAt = instantAt(day, time, timeZone);
  return { day, time, startsAt, endsAt: startsAt + minutes(durationMinutes) };
}

/**
 * Every occurrence of a booking, oldest first, at most MAX_OCCURRENCES. Without a recurrence: the one.
 * A recurrence with neither count nor until-day is refused by the schema; here it yields the first only.
 */
export function expandBooking(b: Booking): Occurrence[] {
  const r = b.recurrence;
  if (!r) return [occurrenceAt(b.day, b.time, b.timeZone, b.durationMinutes)];
  const limit = Math.min(r.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const out: Occurrence[] = [];
  for (let i = 0; i < limit; i++) {
    const day = addDays(b.day, i * stepDays[r.frequency]);
    if (r.untilDay !== undefined && day > r.untilDay) break;
    out.push(occurrenceAt(day, b.time, b.timeZone, b.durationMinutes));
    if (r.count === undefined && r.untilDay === undefined) break;
  }
  return out;
}

/** How many occurrences a recurrence would make (for validation messages before booking). */
export function occurrenceCount(b: Booking): number {
  return expandBooking(b).length;
}

/**
 * Moving "this and the following" occurrences of a series: each keeps its place in the series and shifts
 * by the same number of days as the edited one, at the new local time.
 */
export function shiftOccurrence(
  occurrence: { day: string },
  edited: { fromDay: string; toDay: string; time: string },
  timeZone: string,
  durationMinutes: number,
): Occurrence {
  const shift = daysBetween(edited.fromDay, edited.toDay);
  return occurrenceAt(addDays(occurrence.day, shift), edited.time, timeZone, durationMinutes);
}
