import { sql } from 'kysely';
import type { Db, Engine } from './database.js';

/**
 * Serialises appends to one clinic's audit chain. SQLite needs nothing: its write transaction
 * (BEGIN IMMEDIATE) already excludes every other writer. PostgreSQL takes a transaction-scoped
 * advisory lock keyed by the clinic, so two app instances never fork the chain.
 */
export async function lockAuditChain(trx: Db, engine: Engine, clinicId: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + clinicId}, 0))`.execute(trx);
  }
}

/**
 * Takes the oldest unprocessed outbox event for this transaction. PostgreSQL: FOR UPDATE SKIP LOCKED, so
 * several workers (several app instances) each take a different event and never the same one. SQLite: the
 * write transaction already excludes every other worker.
 */
export async function claimOldestPendingEvent(trx: Db, engine: Engine, maxAttempts: number) {
  const query = trx
    .selectFrom('outbox_events')
    .selectAll()
    .where('processed_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1);
  return (engine === 'postgres' ? query.forUpdate().skipLocked() : query).executeTakeFirst();
}
