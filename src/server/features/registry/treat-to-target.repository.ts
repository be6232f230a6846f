import type { Db } from '../../db/database.js';

/** One page of the clinic's patients in id order after `afterId` (keyset on patients(clinic_id, id); issue 19). */
export async function patientsPage(db: Db, clinicId: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('patients')
    .select(['id', 'time_zone'])
    .where('clinic_id', '=', clinicId)
    .orderBy('id')
    .limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.execute();
}

/** When each of these patients' first plan was agreed (patients without one are left out). */
export async function firstAgreedPlansOf(db: Db, clinicId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  const rows = await db
    .selectFrom('treatment_plan_versions as v')
    .select(['v.patient_id', (eb) => eb.fn.min('v.agreed_at').as('agreed_at')])
    .where('v.clinic_id', '=', clinicId)
    .where('v.patient_id', 'in', patientIds)
    .where('v.agreed_at', 'is not', null)
    .groupBy('v.patient_id')
    .execute();
  return rows.map((r) => ({ patient_id: r.patient_id, agreed_at: Number(r.agreed_at) }));
}

/** Which of these dedupe keys already have an event (500 per query). */
export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('outbox_events')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.dedupe_key) found.add(r.dedupe_key);
  }
  return found;
}
