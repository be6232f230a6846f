import type { Db } from '../../db/database.js';
import type { MailOutboxTable } from '../../db/schema.js';

export async function insertMail(db: Db, row: MailOutboxTable): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

export async function markMail(
  db: Db,
  id: string,
  fields: { sent_at: number | null; error: string | null },
): Promise<void> {
  await db.updateTable('mail_outbox').set(fields).where('id', '=', id).execute();
}

export async function listMailOfClinic(db: Db, clinicId: string, limit: number): Promise<MailOutboxTable[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
