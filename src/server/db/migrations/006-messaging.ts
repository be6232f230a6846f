import type { Kysely } from 'kysely';

// Conversations (the care team's thread and conversations with the patient), messages with read
// receipts, and consult requests between clinicians. Portable types only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('team_key', 'text', (c) => c.unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_message_at', 'bigint')
    .addColumn('awaiting_message_id', 'text')
    .addColumn('awaiting_since', 'bigint')
    .addColumn('unanswered_emitted_for', 'text')
    .execute();
  await db.schema
    .createIndex('conversations_patient')
    .on('conversations')
    .columns(['clinic_id', 'patient_id', 'last_message_at'])
    .execute();
  // The unanswered-message check scans only conversations waiting for an answer.
  await db.schema
    .createIndex('conversations_awaiting')
    .on('conversations')
    .column('awaiting_since')
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_conversation')
    .on('messages')
    .columns(['clinic_id', 'conversation_id', 'sort_key'])
    .execute();

  await db.schema
    .createTable('message_reads')
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_reads_pk', ['message_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('message_reads_conversation_user')
    .on('message_reads')
    .columns(['clinic_id', 'conversation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('consults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('from_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'bigint')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('close_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consults_patient')
    .on('consults')
    .columns(['clinic_id', 'patient_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('consults_to')
    .on('consults')
    .columns(['clinic_id', 'to_user_id', 'state'])
    .execute();
  await db.schema
    .createIndex('consults_from')
    .on('consults')
    .columns(['clinic_id', 'from_user_id', 'state'])
    .execute();
}
