import { addDays, weekdayOf } from '../../shared/time/index.js';

/**
 * When the demo clinic works (issue 15, product policy for the demo): Lakeside's clinicians are in Chicago
 * and see patients on weekdays between 08:00 and 18:00 their time; a patient is seen inside their own
 * daytime, 07:00 to 22:00 in their zone (the schedule's "outside the patient's daytime" warning).
 * Staff accounts carry no time zone, so the demo names it here.
 */
export const DEMO_CLINICIAN_ZONE = 'America/Chicago';
export const DEMO_WORKING_HOURS = { from: '08:00', to: '18:00' } as const;
export const PATIENT_DAYTIME = { from: '07:00', to: '22:00' } as const;

export type Weekday = 1 | 2 | 3 | 4 | 5;

/** `day` itself when it is Monday to Friday, else the Monday after. */
export function weekdayOnOrAfter(day: string): string {
  let d = day;
  while (weekdayOf(d) > 5) d = addDays(d, 1);
  return d;
}

/** The first day on or after `day` that falls on `weekday` (ISO: 1 = Monday). */
export function nextDayOfWeek(day: string, weekday: Weekday): string {
  return addDays(day, (weekday - weekdayOf(day) + 7) % 7);
}
