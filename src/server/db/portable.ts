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
