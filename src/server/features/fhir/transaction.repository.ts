import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Savepoints of a transaction Bundle: each entry runs inside its own, so a refused entry leaves nothing behind
// for the entries after it (and, on PostgreSQL, an error inside it does not end the whole transaction).
// The Bundle's transaction still commits only when every entry succeeded.

const nameOf = (index: number) => `fhir_entry_${String(Math.trunc(index))}`;

export async function savepoint(trx: Db, index: number): Promise<void> {
  await sql.raw(`savepoint ${nameOf(index)}`).execute(trx);
}

export async function releaseSavepoint(trx: Db, index: number): Promise<void> {
  await sql.raw(`release savepoint ${nameOf(index)}`).execute(trx);
}

export async function rollbackToSavepoint(trx: Db, index: number): Promise<void> {
  await sql.raw(`rollback to savepoint ${nameOf(index)}`).execute(trx);
  await sql.raw(`release savepoint ${nameOf(index)}`).execute(trx);
}
