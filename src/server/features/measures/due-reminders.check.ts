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
 * Patients per slice (issue 19): each slice reads one keyset page of patients, works out what is due and
 * records the new reminders in one transaction, then the event loop gets a turn. 50 patients keep a slice
 * under ~10 ms of CPU at 20,000 patients on a 2-core machine (bench/stalls.ts; 200 took 16-30 ms).
 */
export const REMINDER_PAGE_SIZE = 50;
/** Patients whose reminders are recorded per transaction (a first start's backfill writes for most of them). */
export const REMINDER_WRITE_BATCH = 20;

/** How the check cuts its work (tests pass their own, to see the slices without timing anything). */
export interface Slicing {
  pageSize: number;
  writeBatch: number;
  giveTurn: () => Promise<void>;
}
const defaultSlicing: Slicing = {
  pageSize: REMINDER_PAGE_SIZE,
  writeBatch: REMINDER_WRITE_BATCH,
  giveTurn: yieldToEventLoop,
};

/**
 * Questionnaire reminders (issue 5): when a questionnaire is due (today or overdue, not yet answered), the
 * patient gets one email per questionnaire and due date — one email per patient and run, however many are
 * due. The email names nothing (no instrument, no score): "You have a questionnaire to fill in Duet" and a
 * sign-in link. Each reminder is recorded (measure_reminders) in the same transaction as the email's outbox
 * row, and the email goes only when that record is new, so reruns and a second instance never send twice.
 */
export async function checkMeasureReminders(deps: AppDeps, slicing: Partial<Slicing> = {}): Promise<void> {
  const { pageSize, writeBatch, giveTurn } = { ...defaultSlicing, ...slicing };
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinicId of await repo.clinicIds(db)) {
    let afterId: string | null = null;
    for (;;) {
      await giveTurn();
      const page = await repo.activePatientsPage(db, clinicId, afterId, pageSize);
      if (page.length > 0) await remindPage(deps, clinicId, page, now, { writeBatch, giveTurn });
      if (page.length < pageSize) break;
      afterId = page.at(-1)?.id ?? null;
    }
  }
}

/** One page of a clinic's patients: what is due, what was sent, then the new reminders in short transactions. */
async function remindPage(
  deps: AppDeps,
  clinicId: string,
  patients: readonly { id: string; user_id: string | null }[],
  now: number,
  { writeBatch, giveTurn }: Pick<Slicing, 'writeBatch' | 'giveTurn'>,
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
  // A few patients' reminders per transaction (one commit each, not one per patient), a turn before each;
  // still one email per patient whose record is new. The commit's disk flush runs off the event loop
  // (durableTransaction, issue 19) and is done before the next batch.
  for (let i = 0; i < toSend.length; i += writeBatch) {
    await giveTurn();
    await recordAndNotify(deps, clinicId, toSend.slice(i, i + writeBatch), now);
  }
}

async function recordAndNotify(
  deps: AppDeps,
  clinicId: string,
  toSend: readonly { patientId: string; userId: string; fresh: Reminder[] }[],
  now: number,
): Promise<void> {
  await deps.database.durableTransaction(async (trx) => {
    const created = await repo.insertReminders(
      trx,
      toSend.flatMap(({ patientId, fresh }) =>
        fresh.map((r) => ({
          clinic_id: clinicId,
          patient_id: patientId,
          instrument: r.instrument,
          due_date: r.dueDate,
          sent_at: now,
        })),
      ),
    );
    for (const { patientId, userId } of toSend)
      if (created.has(patientId)) await notifyByEmail(trx, deps, clinicId, [userId], 'questionnaire');
  });
}
