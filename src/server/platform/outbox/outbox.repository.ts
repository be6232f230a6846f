import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface OutboxRow {
  id: string;
  clinic_id: string;
  patient_id: string | null;
  type: string;
  payload: string;
  dedupe_key: string | null;
  created_at: number;
  processed_at: number | null;
  attempts: number;
  last_error: string | null;
}

/** Inserts an event; with a dedupe key, a second event with the same key is silently dropped. */
export async function insertEvent(db: Db, row: OutboxRow): Promise<void> {
  await db
    .insertInto('outbox_events')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export async function markProcessed(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('outbox_events').set({ processed_at: now }).where('id', '=', id).execute();
}

/** Marks still-pending events whose dedupe key starts with `prefix` as processed: a later fact made them moot. */
export async function supersedePending(db: Db, clinicId: string, prefix: string, now: number): Promise<void> {
  await db
    .updateTable('outbox_events')
    .set({ processed_at: now })
    .where('clinic_id', '=', clinicId)
    .where('processed_at', 'is', null)
    .where(sql<string>`substr(dedupe_key, 1, ${prefix.length})`, '=', prefix)
    .execute();
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox_events')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}
