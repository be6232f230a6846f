import type { Db } from '../../db/database.js';
import type { MessageTable } from '../../db/schema-messaging.js';
import { refreshLastContact } from '../last-contact/index.js';

export type MessageRow = MessageTable & { author_name: string; author_role: string };

function messagesWithAuthor(db: Db) {
  return db
    .selectFrom('messages as m')
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .selectAll('m')
    .select(['u.name as author_name', 'u.role as author_role']);
}

/**
 * Inserts unless the id exists (a retry, or two racing retries): true when this call inserted it. A clinician's
 * message to the patient is a contact, so the patient's last-contact row follows in the same transaction.
 */
export async function insertMessage(db: Db, row: MessageTable): Promise<boolean> {
  const result = await db
    .insertInto('messages')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted) await refreshLastContact(db, row.clinic_id, row.patient_id);
  return inserted;
}

/** By id alone: message ids are client-made and unique across the deployment. */
export async function findMessageById(db: Db, messageId: string): Promise<MessageTable | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
}

export async function findMessage(
  db: Db,
  clinicId: string,
  conversationId: string,
  messageId: string,
): Promise<MessageRow | undefined> {
  return messagesWithAuthor(db)
    .where('m.clinic_id', '=', clinicId)
    .where('m.conversation_id', '=', conversationId)
    .where('m.id', '=', messageId)
    .executeTakeFirst();
}

/** The newest `limit` messages (before `before` when paging back), returned oldest first. */
export async function messagesOf(
  db: Db,
  clinicId: string,
  conversationId: string,
  page: { before?: number | undefined; limit: number },
): Promise<{ rows: MessageRow[]; hasOlder: boolean }> {
  let query = messagesWithAuthor(db)
    .where('m.clinic_id', '=', clinicId)
    .where('m.conversation_id', '=', conversationId);
  if (page.before !== undefined) query = query.where('m.created_at', '<', page.before);
  const rows = await query
    .orderBy('m.sort_key', 'desc')
    .limit(page.limit + 1)
    .execute();
  return { rows: rows.slice(0, page.limit).reverse(), hasOlder: rows.length > page.limit };
}

export interface ReadRow {
  message_id: string;
  user_id: string;
  name: string;
  read_at: number;
}

export async function readsOf(db: Db, clinicId: string, messageIds: string[]): Promise<ReadRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_reads as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.message_id', 'r.user_id', 'u.name', 'r.read_at'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.message_id', 'in', messageIds)
    .orderBy('r.read_at')
    .orderBy('u.name')
    .execute();
}

/** Messages by others, up to and including the one with sort key `upTo`, that `userId` has not read yet. */
export async function unreadUpTo(
  db: Db,
  clinicId: string,
  conversationId: string,
  userId: string,
  upTo: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('message_reads as r', (j) => j.onRef('r.message_id', '=', 'm.id').on('r.user_id', '=', userId))
    .select('m.id')
    .where('m.clinic_id', '=', clinicId)
    .where('m.conversation_id', '=', conversationId)
    .where('m.author_id', '!=', userId)
    .where('m.sort_key', '<=', upTo)
    .where('r.message_id', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertReads(
  db: Db,
  clinicId: string,
  conversationId: string,
  userId: string,
  messageIds: string[],
  now: number,
): Promise<void> {
  if (messageIds.length === 0) return;
  await db
    .insertInto('message_reads')
    .values(
      messageIds.map((id) => ({
        clinic_id: clinicId,
        message_id: id,
        conversation_id: conversationId,
        user_id: userId,
        read_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
    .execute();
}

export interface ConversationCounts {
  conversation_id: string;
  total: number;
  unread: number;
}

/** Per conversation: how many messages, and how many by others the viewer has not read. */
export async function countsOf(
  db: Db,
  clinicId: string,
  conversationIds: string[],
  viewerId: string,
): Promise<Map<string, { total: number; unread: number }>> {
  const counts = new Map<string, { total: number; unread: number }>();
  if (conversationIds.length === 0) return counts;
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('message_reads as r', (j) =>
      j.onRef('r.message_id', '=', 'm.id').on('r.user_id', '=', viewerId),
    )
    .select((eb) => [
      'm.conversation_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('m.author_id', '!=', viewerId), eb('r.message_id', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('unread'),
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.conversation_id', 'in', conversationIds)
    .groupBy('m.conversation_id')
    .execute();
  for (const r of rows) counts.set(r.conversation_id, { total: Number(r.total), unread: Number(r.unread) });
  return counts;
}
