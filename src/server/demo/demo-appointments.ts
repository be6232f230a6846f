import { addDays, localDate } from '../../shared/time/index.js';
import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { occurrenceAt } from '../../shared/appointments/recurrence.js';
import * as repo from '../features/appointments/appointments.repository.js';
import { patientBasics } from '../platform/patients/patient-basics.js';
import { nextDayOfWeek, weekdayOnOrAfter, type Weekday } from './demo-hours.js';

type Status = 'attended' | 'no_show' | 'cancelled_late_by_patient' | 'cancelled_by_clinician';

interface DemoSeries {
  /** The session's weekday and time in the patient's zone: inside their daytime and the Chicago working day. */
  weekday: Weekday;
  time: string;
  mode: 'in_person' | 'video' | 'phone';
  location: string | null;
  /** Status of each past session, oldest first (10 weeks); four more follow, still scheduled. */
  past: Status[];
}

const A: Status = 'attended';

/**
 * Demo appointments (issue 6): weekly therapy sessions with Priya Shah over the last 10 weeks and the next
 * 4, with realistic attendance (Sam: a no-show and a late cancellation; Maya: a session the clinic moved;
 * Tom: a recent no-show), and medication reviews with Daniel Okafor, one past and some upcoming. History
 * rows are written directly: past no-shows raise no alerts. Every visit falls on a weekday, inside the
 * patient's daytime and the clinicians' Chicago working day (demo-hours.ts, issue 15): Sam on Thursdays at
 * 10:00 in Chicago, Maya on Tuesdays at 14:00 in Los Angeles (16:00 in Chicago), Tom on Wednesdays at
 * 16:00 in Berlin (09:00 in Chicago, 10:00 in the weeks the clocks change on one side only).
 */
export async function seedDemoAppointments(
  deps: AppDeps,
  clinicId: string,
  staff: { therapist: string; prescriber: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const now = deps.clock.now();
  const plans: DemoSeries[] = [
    {
      weekday: 4,
      time: '10:00',
      mode: 'in_person',
      location: 'Lakeside clinic, 2nd floor, room 4',
      past: [A, A, A, 'no_show', A, A, A, 'cancelled_late_by_patient', A, A],
    },
    {
      weekday: 2,
      time: '14:00',
      mode: 'video',
      location: 'Video link: sent in your messages before each session',
      past: [A, A, A, A, A, 'cancelled_by_clinician', A, A, A, A],
    },
    {
      weekday: 3,
      time: '16:00',
      mode: 'video',
      location: null,
      past: [A, A, A, A, A, A, A, A, 'no_show', A],
    },
  ];
  const reviews: { daysFromToday: number; time: string; mode: 'phone' | 'video' | 'in_person' }[][] = [
    [
      { daysFromToday: -28, time: '12:30', mode: 'phone' },
      { daysFromToday: 14, time: '12:30', mode: 'video' },
    ],
    // Maya lives in Los Angeles: her reviews are by video (09:15 there, 11:15 in Chicago).
    [{ daysFromToday: 10, time: '09:15', mode: 'video' }],
    // Tom's at 15:30 in Berlin: 08:30 (or 09:30) in Chicago.
    [
      { daysFromToday: -42, time: '15:30', mode: 'video' },
      { daysFromToday: 3, time: '15:30', mode: 'video' },
    ],
  ];

  await deps.database.transaction(async (trx) => {
    for (const [i, p] of patients.entries()) {
      const plan = plans[i];
      if (!plan) continue;
      const patient = await patientBasics(trx, clinicId, p.patientId);
      if (!patient) continue;
      const zone = patient.timeZone;
      const today = localDate(now, zone);
      const seriesId = newId();
      await repo.insertSeries(trx, {
        id: seriesId,
        clinic_id: clinicId,
        patient_id: p.patientId,
        frequency: 'weekly',
        count: plan.past.length + 4,
        until_day: null,
        created_by: staff.therapist,
        created_at: now - 80 * 86_400_000,
      });
      const base = {
        clinic_id: clinicId,
        patient_id: p.patientId,
        time_zone: zone,
        created_at: now - 80 * 86_400_000,
        version: 1,
      };
      // The first of the four upcoming sessions: the next session day whose session has not started yet.
      let next = nextDayOfWeek(today, plan.weekday);
      if (occurrenceAt(next, plan.time, zone, 50).startsAt <= now) next = addDays(next, 7);
      for (let w = 0; w < plan.past.length + 4; w++) {
        const o = occurrenceAt(addDays(next, 7 * (w - plan.past.length)), plan.time, zone, 50);
        const status = o.startsAt > now ? undefined : plan.past[w];
        const cancelled = status === 'cancelled_late_by_patient' || status === 'cancelled_by_clinician';
        await repo.insertAppointment(trx, {
          ...base,
          id: newId(),
          series_id: seriesId,
          type: 'therapy_session',
          clinician_id: staff.therapist,
          mode: plan.mode,
          local_day: o.day,
          local_time: o.time,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          duration_minutes: 50,
          location: plan.location,
          status: status === undefined ? 'scheduled' : cancelled ? 'cancelled' : status,
          cancelled_by: cancelled ? (status === 'cancelled_by_clinician' ? 'clinician' : 'patient') : null,
          cancelled_late: cancelled ? (status === 'cancelled_late_by_patient' ? 1 : 0) : null,
          cancel_reason:
            status === 'cancelled_late_by_patient'
              ? 'Sick child at home'
              : status === 'cancelled_by_clinician'
                ? 'Therapist away; moved to the next week'
                : null,
          status_set_by:
            status === undefined ? null : status === 'cancelled_late_by_patient' ? p.userId : staff.therapist,
          status_set_at:
            status === undefined
              ? null
              : status === 'cancelled_late_by_patient'
                ? o.startsAt - 5 * 3_600_000
                : status === 'cancelled_by_clinician'
                  ? o.startsAt - 6 * 86_400_000
                  : o.endsAt + 600_000,
          created_by: staff.therapist,
          updated_at: now,
        });
      }
      for (const r of reviews[i] ?? []) {
        const o = occurrenceAt(weekdayOnOrAfter(addDays(today, r.daysFromToday)), r.time, zone, 20);
        const past = o.startsAt <= now;
        await repo.insertAppointment(trx, {
          ...base,
          id: newId(),
          series_id: null,
          type: 'medication_review',
          clinician_id: staff.prescriber,
          mode: r.mode,
          local_day: o.day,
          local_time: o.time,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          duration_minutes: 20,
          location: r.mode === 'in_person' ? 'Lakeside clinic, ground floor' : null,
          status: past ? 'attended' : 'scheduled',
          cancelled_by: null,
          cancelled_late: null,
          cancel_reason: null,
          status_set_by: past ? staff.prescriber : null,
          status_set_at: past ? o.endsAt + 600_000 : null,
          created_by: staff.prescriber,
          updated_at: now,
        });
      }
    }
  });
}
