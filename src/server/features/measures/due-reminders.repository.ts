import type { Db } from '../../db/database.js';

export async function clinicIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('clinics').select('id').execute();
  return rows.map((r) => r.id);
}

/**
 * One page of the clinic's patients whose own account is active (invited or disabled accounts get no
 * reminders), in id order after `afterId` (keyset paging on patients(clinic_id, id); issue 19).
 */
export async function activePatientsPage(db: Db, clinicId: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.user_id'])
    .where('p.clinic_id', '=', clinicId)
    .where('u.clinic_id', '=', clinicId)
    .where('u.status', '=', 'active')
    .orderBy('p.id')
    .limit(limit);
  if (afterId !== null) q = q.where('p.id', '>', afterId);
  return q.execute();
}

/** Reminders already sent to these patients on or after `fromDay` (500 patients per query). */
export async function sentReminders(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  fromDay: string,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const rows = await db
      .selectFrom('measure_reminders')
      .select(['patient_id', 'instrument', 'due_date'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', patientIds.slice(i, i + 500))
      .where('due_date', '>=', fromDay)
      .execute();
    for (const r of rows) found.add(reminderKey(r.patient_id, r.instrument, r.due_date));
  }
  return found;
}

export function reminderKey(patientId: string, instrument: string, dueDate: string): string {
  return `${patientId}:${instrument}:${dueDate}`;
}

/**
 * Records a batch of reminders in one statement per 500 (issue 19: batched inserts); a reminder already recorded (a
 * rerun, or another instance got there first) is left as it is. Returns the patients with a new record.
 */
export async function insertReminders(
  db: Db,
  rows: readonly {
    clinic_id: string;
    patient_id: string;
    instrument: string;
    due_date: string;
    sent_at: number;
  }[],
): Promise<Set<string>> {
  const created = new Set<string>();
  // 500 rows per statement: well inside both engines' limits on bound values.
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('measure_reminders')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['patient_id', 'instrument', 'due_date']).doNothing())
      .returning('patient_id')
      .execute();
    for (const r of inserted) created.add(r.patient_id);
  }
  return created;
}
