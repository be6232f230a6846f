/**
 * Working-day arithmetic for "a patient message has waited 2 working days". Working days are Monday to
 * Friday in UTC for now: the clinic's own time zone and public holidays are not modelled yet, so a
 * deadline can be off by the clinic's UTC offset (at most a few hours).
 */
import { dayOfNumber, weekdayOf } from '../time/index.js';

const DAY_MS = 86_400_000;

/** The number of working days a patient message may wait for a clinician's answer (issue 3). */
export const UNANSWERED_AFTER_WORKING_DAYS = 2;

/** Saturday or Sunday (ISO weekday 6 or 7) in UTC. */
const isWeekend = (dayStart: number): boolean => weekdayOf(dayOfNumber(dayStart / DAY_MS)) >= 6;

/**
 * The instant `days` working days after `from`. Time on a weekend does not count: a message sent on
 * Saturday starts its clock at Monday 00:00 UTC; one sent Friday 15:00 is due Tuesday 15:00 (for 2 days).
 */
export function addWorkingDays(from: number, days: number): number {
  let dayStart = Math.floor(from / DAY_MS) * DAY_MS;
  let offset = from - dayStart;
  while (isWeekend(dayStart)) {
    dayStart += DAY_MS;
    offset = 0;
  }
  let left = days;
  while (left > 0) {
    dayStart += DAY_MS;
    if (!isWeekend(dayStart)) left--;
  }
  return dayStart + offset;
}

/** True once `days` working days have passed since `sentAt`. */
export function workingDaysElapsed(
  sentAt: number,
  now: number,
  days = UNANSWERED_AFTER_WORKING_DAYS,
): boolean {
  return now >= addWorkingDays(sentAt, days);
}
