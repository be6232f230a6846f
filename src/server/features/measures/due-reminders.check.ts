import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { measuresDueFor } from './due.js';
import * as repo from './due-reminders.repository.js';
import { yieldToEventLoop } from '../../platform/single-flight.js';

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
/** Patients per slice: one transaction each, and the event loop gets a turn between slices (issue 19). */
export const REMINDER_PAGE_SIZE = 200;

export async function checkMeasureReminders(deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinicId of await repo.clinicIds(db)) {
    const patients = await repo.activePatients(db, clinicId);
    for (let start = 0; start < patients.length; start += REMINDER_PAGE_SIZE) {
      await remindPage(deps, clinicId, patients.slice(start, start + REMINDER_PAGE_SIZE), now);
      await yieldToEventLoop();
    }
  }
}

/** One slice of a clinic's patients: what is due, what was sent, and every new reminder in one transaction. */
async function remindPage(
  deps: AppDeps,
  clinicId: string,
  patients: readonly { id: string; user_id: string | null }[],
  now: number,
): Promise<void> {
  const db = deps.database.db;
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
  if (fromDay === null) return;
  // Skip what was already sent before opening any transaction (the insert below still decides).
  const sent = await repo.sentReminders(db, clinicId, [...wanted.keys()], fromDay);
  const toSend: { patientId: string; userId: string; fresh: Reminder[] }[] = [];
  for (const [patientId, list] of wanted) {
    const fresh = list.filter((r) => !sent.has(repo.reminderKey(patientId, r.instrument, r.dueDate)));
    const userId = userOf.get(patientId);
    if (fresh.length > 0 && userId) toSend.push({ patientId, userId, fresh });
  }
  if (toSend.length === 0) return;
  // The whole slice in one transaction (one commit, not one per patient: a first start's backfill of
  // thousands of reminders stays a few commits); still one email per patient whose record is new.
  await deps.database.transaction(async (trx) => {
    for (const { patientId, userId, fresh } of toSend) {
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
    }
  });
}
