import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { measuresDueFor } from './due.js';
import * as repo from './due-reminders.repository.js';

interface Reminder {
  instrument: string;
  dueDate: string;
}

/**
 * Questionnaire reminders (issue 5): when a questionnaire is due (today or overdue, not yet answered), the
 * patient gets one email per questionnaire and due date — one email per patient and run, however many are
 * due. The email names nothing (no instrument, no score): "You have a questionnaire to fill in Duet" and a
 * sign-in link. Each reminder is recorded (measure_reminders) in the same transaction as the email's outbox
 * row, and the email goes only when that record is new, so reruns and a second instance never send twice.
 */
export async function checkMeasureReminders(deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinicId of await repo.clinicIds(db)) {
    const patients = await repo.activePatients(db, clinicId);
    if (patients.length === 0) continue;
    const userOf = new Map(patients.map((p) => [p.id, p.user_id]));
    const due = await measuresDueFor(
      db,
      clinicId,
      patients.map((p) => p.id),
      now,
    );
    const wanted = new Map<string, Reminder[]>();
    let fromDay: string | null = null;
    for (const [patientId, d] of due) {
      const list = d.measures
        .filter((m) => m.status === 'due' || m.status === 'overdue')
        .map((m) => ({ instrument: m.instrument, dueDate: m.dueDate }));
      if (list.length === 0) continue;
      wanted.set(patientId, list);
      for (const r of list) if (fromDay === null || r.dueDate < fromDay) fromDay = r.dueDate;
    }
    if (fromDay === null) continue;
    // Skip what was already sent before opening any transaction (the insert below still decides).
    const sent = await repo.sentReminders(db, clinicId, [...wanted.keys()], fromDay);
    for (const [patientId, list] of wanted) {
      const fresh = list.filter((r) => !sent.has(repo.reminderKey(patientId, r.instrument, r.dueDate)));
      const userId = userOf.get(patientId);
      if (fresh.length === 0 || !userId) continue;
      await deps.database.transaction(async (trx) => {
        let created = false;
        for (const r of fresh) {
          const inserted = await repo.insertReminder(trx, {
            clinic_id: clinicId,
            patient_id: patientId,
            instrument: r.instrument,
            due_date: r.dueDate,
            sent_at: now,
          });
          created = created || inserted;
        }
        if (created) await notifyByEmail(trx, deps, clinicId, [userId], 'questionnaire');
      });
    }
  }
}
