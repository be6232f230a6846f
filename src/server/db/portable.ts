import { CompiledQuery } from 'kysely';
import type { Db, Engine } from './database.js';
import { preparedOnPostgres } from './pg-prepared.js';

const LOCK_CHAIN_SQL = 'select pg_advisory_xact_lock(hashtextextended($1, 0))';

/**
 * Serialises appends to one clinic's audit chain. SQLite needs nothing: its write transaction
 * (BEGIN IMMEDIATE) already excludes every other writer. PostgreSQL takes a transaction-scoped
 * advisory lock keyed by the clinic, so two app instances never fork the chain.
 */
export async function lockAuditChain(trx: Db, engine: Engine, clinicId: string): Promise<void> {
  if (engine === 'postgres') {
    // Once per shared commit: a named prepared statement (pg-prepared.ts, issue 19).
    preparedOnPostgres(LOCK_CHAIN_SQL);
    await trx.executeQuery(CompiledQuery.raw(LOCK_CHAIN_SQL, ['audit:' + clinicId]));
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
