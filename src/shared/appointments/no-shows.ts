import type { AppointmentStatus } from './schemas.js';

/**
 * No-shows in a row (issue 6: two in a row alert the therapist). Only appointments whose attendance was
 * recorded count: cancelled ones and past ones nobody marked yet neither break nor extend the streak.
 */
export interface MarkedAppointment {
  id: string;
  startsAt: number;
  status: AppointmentStatus;
}

/** The newest run of no-shows among the recorded appointments (newest first in the result). */
export function noShowStreak(history: readonly MarkedAppointment[]): MarkedAppointment[] {
  const marked = history
    .filter((a) => a.status === 'attended' || a.status === 'no_show')
    .sort((a, b) => b.startsAt - a.startsAt);
  const streak: MarkedAppointment[] = [];
  for (const a of marked) {
    if (a.status !== 'no_show') break;
    streak.push(a);
  }
  return streak;
}

/**
 * Whether marking `markedId` a no-show completes a run long enough to alert: the marked appointment is in
 * the newest run and the run is at least `threshold` long.
 */
export function noShowAlertDue(
  history: readonly MarkedAppointment[],
  markedId: string,
  threshold: number,
): { due: boolean; streak: MarkedAppointment[] } {
  const streak = noShowStreak(history);
  return { due: streak.length >= threshold && streak.some((a) => a.id === markedId), streak };
}
