import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { everyClinicSettings } from '../clinic/index.js';
import { appointmentSettings } from '../../../shared/appointments/settings.js';
import * as repo from './reminders.repository.js';
import { appointmentMessage } from '../../../shared/push/texts.js';
import { timeSlices } from '../../platform/single-flight.js';

/**
 * Appointment reminders (issue 6): a patient gets one email per appointment when it is less than the
 * clinic's reminder time away (appointmentReminderHours, default 24 h). The email says only that an
 * appointment is coming up, with a sign-in link: no type, time, place or clinician (notify.ts). The
 * reminder is recorded in the same transaction as the email's outbox row and the email goes only when that
 * record is new, so reruns and a second instance never send twice. A moved appointment is reminded again.
 */
export async function checkAppointmentReminders(deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms (a first start may find many due).
  const slices = timeSlices();
  for (const clinic of await everyClinicSettings(db)) {
    const hours = appointmentSettings(clinic.settings).appointmentReminderHours;
    const due = await repo.dueForReminder(db, clinic.id, now, now + hours * 3_600_000);
    for (const a of due) {
      await slices.maybeYield();
      // The commit's disk flush runs off the event loop; the next reminder waits until it is durable.
      await deps.database.durableTransaction(async (trx) => {
        const fresh = await repo.insertReminder(trx, {
          appointment_id: a.id,
          starts_at: a.starts_at,
          clinic_id: clinic.id,
          patient_id: a.patient_id,
          sent_at: now,
        });
        // Issue 17: the push beside the email says the day and time in the patient's zone (no type, place or name).
        const push = appointmentMessage(a.starts_at, now, a.time_zone);
        if (fresh) await notifyByEmail(trx, deps, clinic.id, [a.user_id], 'appointment', push);
      });
    }
  }
}
