import { localDate } from '../time/index.js';
import type { AppointmentStatus, AttendanceTally, CancelledBy } from './schemas.js';

/**
 * Attendance (issue 6). Counted: sessions attended, no-shows, and the patient's own late cancellations
 * (less than the clinic's notice before the start; product default 24 h). The rate is attended ÷ counted.
 * A cancellation by the clinician, or by the patient in good time, does not count against the patient.
 */
export interface AttendanceFact {
  startsAt: number;
  status: AppointmentStatus;
  cancelledBy: CancelledBy | null;
  cancelledLate: boolean | null;
}

const DAY_MS = 86_400_000;

function tally(facts: readonly AttendanceFact[]): AttendanceTally {
  let attended = 0;
  let noShow = 0;
  let lateCancelled = 0;
  for (const f of facts) {
    if (f.status === 'attended') attended++;
    else if (f.status === 'no_show') noShow++;
    else if (f.status === 'cancelled' && f.cancelledBy === 'patient' && f.cancelledLate === true)
      lateCancelled++;
  }
  const counted = attended + noShow + lateCancelled;
  return { attended, noShow, lateCancelled, rate: counted === 0 ? null : attended / counted };
}

/** The last 90 days (up to `now`) and each local month with a past appointment, oldest first. */
export function attendanceOverTime(
  facts: readonly AttendanceFact[],
  now: number,
  timeZone: string,
): { last90Days: AttendanceTally; months: (AttendanceTally & { month: string })[]; unmarked: number } {
  const past = facts.filter((f) => f.startsAt <= now);
  const byMonth = new Map<string, AttendanceFact[]>();
  for (const f of past) {
    const month = localDate(f.startsAt, timeZone).slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(f);
    byMonth.set(month, list);
  }
  return {
    last90Days: tally(past.filter((f) => f.startsAt > now - 90 * DAY_MS)),
    months: [...byMonth.keys()].sort().map((month) => ({ month, ...tally(byMonth.get(month) ?? []) })),
    unmarked: past.filter((f) => f.status === 'scheduled').length,
  };
}

/** A cancellation is late when it comes less than `noticeHours` before the start (or after it). */
export function isLateCancellation(startsAt: number, now: number, noticeHours: number): boolean {
  return startsAt - now < noticeHours * 3_600_000;
}
