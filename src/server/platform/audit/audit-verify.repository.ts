import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { eventsAfter } from './audit.repository.js';

/**
 * One event as verification reads it: the columns in this order, one array per event and no object (a million
 * events are read in a few seconds, and per-row objects were half of that).
 */
export type RawEvent = [
  seq: number,
  id: string,
  at: number,
  actorId: string | null,
  actorRole: string | null,
  patientId: string | null,
  action: string,
  resourceType: string,
  resourceId: string | null,
  outcome: string,
  prevHash: string,
  hash: string,
  hashKeyId: string | null,
];

const COLUMNS =
  'seq, id, at, actor_id, actor_role, patient_id, action, resource_type, resource_id, outcome, prev_hash, hash, hash_key_id';

/** The clinic's chain in order, in pages of arrays. */
export type ChainPages = (clinicId: string) => AsyncIterable<RawEvent[]>;

/** The file of a SQLite database (null on PostgreSQL or an in-memory SQLite database). */
export async function sqliteFileOf(db: Db): Promise<string | null> {
  try {
    const { rows } = await sql<{
      file: string;
    }>`select file from pragma_database_list where name = 'main'`.execute(db);
    return rows[0]?.file ? rows[0].file : null;
  } catch {
    return null; // PostgreSQL has no such table function
  }
}

/**
 * SQLite: one statement per clinic on a connection of its own, iterated as raw arrays in primary-key order (the
 * chain order). Only committed events are read, as by any other reader.
 */
export function sqliteChainPages(file: string, pageSize: number): { pages: ChainPages; close: () => void } {
  const raw = new SQLite(file, { fileMustExist: true });
  raw.pragma('busy_timeout = 10000');
  const statement = raw
    .prepare(`select ${COLUMNS} from audit_events where clinic_id = ? order by seq`)
    .raw(true);
  async function* pages(clinicId: string): AsyncIterable<RawEvent[]> {
    let page: RawEvent[] = [];
    for (const row of statement.iterate(clinicId) as IterableIterator<RawEvent>) {
      page.push(row);
      if (page.length === pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
    await Promise.resolve();
  }
  return { pages, close: () => raw.close() };
}

/** Any engine: pages through Kysely by sequence number. */
export function kyselyChainPages(db: Db, pageSize: number): ChainPages {
  return async function* pages(clinicId: string) {
    for (let after = 0; ;) {
      const rows = await eventsAfter(db, clinicId, after, pageSize);
      if (rows.length === 0) return;
      yield rows.map((r): RawEvent => [
        r.seq,
        r.id,
        r.at,
        r.actor_id,
        r.actor_role,
        r.patient_id,
        r.action,
        r.resource_type,
        r.resource_id,
        r.outcome,
        r.prev_hash,
        r.hash,
        r.hash_key_id,
      ]);
      after = rows.at(-1)?.seq ?? after;
    }
  };
}
