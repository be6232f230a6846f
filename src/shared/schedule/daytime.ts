import { localDateTime, minutesOf } from '../time/index.js';

/**
 * The patient's daytime (issue 15, product policy: the issue's own example, "before 07:00 or after 22:00
 * their time"). Booking outside it is allowed (a night-shift worker may want 06:30) but the booking form and
 * the schedule warn.
 */
export const PATIENT_DAYTIME = { from: '07:00', until: '22:00' } as const;

export interface DaytimeCheck {
  /** The appointment starts before 07:00 or ends after 22:00 on the patient's clock. */
  outside: boolean;
  /** Start and end on the patient's clock (YYYY-MM-DD and HH:MM). */
  localStart: { date: string; time: string };
  localEnd: { date: string; time: string };
}

/**
 * Whether an appointment [startsAt, endsAt) falls outside the patient's daytime in their zone. Instants in,
 * so daylight saving is the time module's: the same UTC slot is 07:00 in a Berlin winter and 08:00 in summer.
 * An appointment that runs past midnight is outside whatever its times.
 */
export function outsidePatientDaytime(startsAt: number, endsAt: number, patientZone: string): DaytimeCheck {
  const start = localDateTime(startsAt, patientZone);
  const end = localDateTime(endsAt, patientZone);
  const from = minutesOf(PATIENT_DAYTIME.from);
  const until = minutesOf(PATIENT_DAYTIME.until);
  const outside =
    start.date !== end.date ||
    minutesOf(start.time) < from ||
    minutesOf(end.time) > until ||
    endsAt < startsAt;
  return { outside, localStart: start, localEnd: end };
}
