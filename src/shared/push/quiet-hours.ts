import { addDays, instantAt, localDateTime, minutesOf } from '../time/index.js';

/** Quiet hours: local clock times in the person's zone; start after end means across midnight (22:00–07:00). */
export interface QuietHours {
  start: string;
  end: string;
  zone: string;
}

/**
 * When a notification due at `now` may be shown: `now` outside quiet hours, else the instant the quiet hours
 * end (product policy, issue 17: notifications in quiet hours wait until the end, none are dropped). Equal
 * start and end mean no quiet hours. The end is a local time on the right local day, through the time module:
 * an end in the spring-forward gap moves forward by the gap, an end in the autumn overlap is its first instant.
 */
export function deliverableAt(now: number, quiet: QuietHours | null): number {
  if (quiet === null || quiet.start === quiet.end) return now;
  const local = localDateTime(now, quiet.zone);
  const m = minutesOf(local.time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  let endDay: string | null = null;
  if (start < end) {
    if (m >= start && m < end) endDay = local.date;
  } else if (m >= start) {
    endDay = addDays(local.date, 1);
  } else if (m < end) {
    endDay = local.date;
  }
  if (endDay === null) return now;
  const until = instantAt(endDay, quiet.end, quiet.zone);
  return until > now ? until : now;
}
