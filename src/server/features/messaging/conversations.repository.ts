import type { Db } from '../../db/database.js';
import type { ConversationTable } from '../../db/schema-messaging.js';

export type ConversationRow = ConversationTable;

/** The patient's team thread, created on first use; the unique team_key makes two creators agree. */
export async function ensureTeamThread(
  db: Db,
  row: Omit<ConversationTable, 'kind' | 'team_key'>,
): Promise<ConversationRow> {
  await db
    .insertInto('conversations')
    .values({ ...row, kind: 'team', team_key: row.patient_id })
    .onConflict((oc) => oc.column('team_key').doNothing())
    .execute();
  const thread = await db
    .selectFrom('conversations')
    .selectAll()
    .where('clinic_id', '=', row.clinic_id)
    .where('team_key', '=', row.patient_id)
    .executeTakeFirst();
  if (!thread) throw new Error('team thread missing after insert');
  return thread;
}

/** Whether the patient's team thread exists yet (one indexed look-up on the unique team_key). */
export async function hasTeamThread(db: Db, clinicId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('conversations')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('team_key', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertConversation(db: Db, row: ConversationTable): Promise<boolean> {
  const result = await db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findConversation(
  db: Db,
  clinicId: string,
  patientId: string,
  conversationId: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
}

export async function conversationsOf(
  db: Db,
  clinicId: string,
  patientId: string,
  kinds: readonly string[],
  limit: number,
): Promise<ConversationRow[]> {
  return (
    db
      .selectFrom('conversations')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('kind', 'in', kinds)
      .orderBy('kind', 'desc') // 'team' before 'patient'
      // Awaiting a reply next: a bound never leaves one out for a quiet one (issue 19).
      .orderBy((eb) => eb.case().when('awaiting_message_id', 'is', null).then(1).else(0).end())
      .orderBy('last_message_at', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  );
}

/** A message was posted: the conversation's last activity and who is waiting for an answer. */
export async function updateAfterPost(
  db: Db,
  clinicId: string,
  conversationId: string,
  changes: Partial<Pick<ConversationTable, 'last_message_at' | 'awaiting_message_id' | 'awaiting_since'>>,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set(changes)
    .where('clinic_id', '=', clinicId)
    .where('id', '=', conversationId)
    .execute();
}

/** Conversations (every clinic) whose patient has waited at least since `waitingSince` without an answer. */
export async function awaitingAnswer(
  db: Db,
  waitingSince: number,
  limit: number,
): Promise<ConversationRow[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('awaiting_since', 'is not', null)
    .where('awaiting_since', '<=', waitingSince)
    .where((eb) =>
      eb.or([
        eb('unanswered_emitted_for', 'is', null),
        eb('unanswered_emitted_for', '!=', eb.ref('awaiting_message_id')),
      ]),
    )
    .orderBy('awaiting_since')
    .limit(limit)
    .execute();
}

export async function markUnansweredEmitted(
  db: Db,
  clinicId: string,
  conversationId: string,
  messageId: string,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ unanswered_emitted_for: messageId })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', conversationId)
    .where('awaiting_message_id', '=', messageId)
    .execute();
}

export interface ParticipantRow {
  user_id: string;
  name: string;
  role: string;
}

/** Everyone on the patient's care team (once each, with their account role). */
export async function careTeamOf(db: Db, clinicId: string, patientId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.name', 'u.role'])
    .distinct()
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .orderBy('u.name')
    .execute();
}

/** The patient's own account (name, user id) for a patient conversation. */
export async function patientAccount(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id as user_id', 'u.name', 'u.role', 'p.given_name', 'p.family_name'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', '=', patientId)
    .executeTakeFirst();
}
