import type { Db } from '../../db/database.js';

export async function patientsOfClinic(db: Db, clinicId: string) {
  return db.selectFrom('patients').select(['id', 'time_zone']).where('clinic_id', '=', clinicId).execute();
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
