import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { DAY_MS } from '../../db/migrations/054-event-first-list-patients.js';
import {
  eventsAfter,
  patientsBetween,
  strayPatientsAfter,
  unindexedListedPatients,
} from './audit.repository.js';

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
  /** A list event's count (migration 052); null: an event naming one patient or none. */
  patientCount: number | null,
  /** The event's rows of `audit_listed_patients` (null: it has none), in canonical order (canonicalPatientIds). */
  patientIds: string[] | null,
  /**
   * A patient of this list event whose (patient, actor, day) is missing from the day index (migration 054): the
   * read would be hidden from their access report. Null: none missing.
   */
  unindexedPatient: string | null,
];

const COLUMNS =
  'seq, id, at, actor_id, actor_role, patient_id, action, resource_type, resource_id, outcome, prev_hash, hash, hash_key_id, patient_count';

/**
 * Side rows whose event is not in the chain (their `event_seq` is past its end) come as an event of this id and
 * that seq: verification reports them (audit-verify-clinic.ts). No event id is empty.
 */
export const STRAY_PATIENTS_ID = '';

/** Attaches each page's side rows (seq, patient id; any order) to its events, in canonical order. */
function attachPatients(page: RawEvent[], rows: readonly (readonly [number, string])[]): void {
  if (rows.length === 0) return;
  const bySeq = new Map<number, string[]>();
  for (const [seq, patientId] of rows) {
    const list = bySeq.get(seq);
    if (list) list.push(patientId);
    else bySeq.set(seq, [patientId]);
  }
  for (const event of page) {
    const ids = bySeq.get(event[0]);
    if (ids) event[14] = ids.sort();
  }
}

/** Marks each page event with a patient missing from the day index (seq, patient id). */
function attachUnindexed(page: RawEvent[], rows: readonly (readonly [number, string])[]): void {
  if (rows.length === 0) return;
  const bySeq = new Map(rows);
  for (const event of page) event[15] = bySeq.get(event[0]) ?? null;
}

function strayEvent(seq: number): RawEvent {
  return [seq, STRAY_PATIENTS_ID, 0, null, null, null, '', '', null, '', '', '', null, null, null, null];
}

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
 * SQLite: on a connection of its own, raw arrays in primary-key order (the chain order), a page at a time, with the
 * list events' patients (migration 052) read for the page's range of sequence numbers. Only committed events are
 * read, as by any other reader.
 */
export function sqliteChainPages(file: string, pageSize: number): { pages: ChainPages; close: () => void } {
  const raw = new SQLite(file, { fileMustExist: true });
  raw.pragma('busy_timeout = 10000');
  const events = raw
    .prepare(
      `select ${COLUMNS}, null, null from audit_events where clinic_id = ? and seq > ? order by seq limit ?`,
    )
    .raw(true);
  const patients = raw
    .prepare(
      'select event_seq, patient_id from audit_listed_patients where clinic_id = ? and event_seq > ? and event_seq <= ?',
    )
    .raw(true);
  // Same question as unindexedListedPatients (audit.repository.ts), on this connection.
  const unindexed = raw
    .prepare(
      `select l.event_seq, min(l.patient_id) from audit_list_patients l
       join audit_events e on e.clinic_id = l.clinic_id and e.seq = l.event_seq
       where l.clinic_id = ? and l.event_seq > ? and l.event_seq <= ?
         and not exists (select 1 from audit_patient_list_days d where d.clinic_id = l.clinic_id
           and d.patient_id = l.patient_id and d.actor_id = e.actor_id and d.day = e.at / ${String(DAY_MS)})
       group by l.event_seq`,
    )
    .raw(true);
  const stray = raw
    .prepare('select min(event_seq) from audit_listed_patients where clinic_id = ? and event_seq > ?')
    .raw(true)
    .pluck();
  async function* pages(clinicId: string): AsyncIterable<RawEvent[]> {
    for (let after = 0; ;) {
      const page = events.all(clinicId, after, pageSize) as RawEvent[];
      const last = page.at(-1)?.[0];
      if (last === undefined) {
        const seq = stray.get(clinicId, after) as number | null;
        // An event appended meanwhile (its side rows commit with it) is not a stray.
        if (seq !== null && events.all(clinicId, after, 1).length === 0) yield [strayEvent(seq)];
        return;
      }
      // An event's side rows commit with it: those of the events just read are all there.
      attachPatients(page, patients.all(clinicId, after, last) as [number, string][]);
      attachUnindexed(page, unindexed.all(clinicId, after, last) as [number, string][]);
      yield page;
      after = last;
      await Promise.resolve();
    }
  }
  return { pages, close: () => raw.close() };
}

/** Any engine: pages through Kysely by sequence number. */
export function kyselyChainPages(db: Db, pageSize: number): ChainPages {
  return async function* pages(clinicId: string) {
    for (let after = 0; ;) {
      const rows = await eventsAfter(db, clinicId, after, pageSize);
      const last = rows.at(-1)?.seq;
      if (last === undefined) {
        // Side rows past the chain's end; an event appended meanwhile (its side rows commit with it) is not a stray.
        const seq = await strayPatientsAfter(db, clinicId, after);
        if (seq !== null && (await eventsAfter(db, clinicId, after, 1)).length === 0) yield [strayEvent(seq)];
        return;
      }
      const page = rows.map((r): RawEvent => [
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
        r.patient_count ?? null,
        null,
        null,
      ]);
      attachPatients(page, await patientsBetween(db, clinicId, after, last));
      attachUnindexed(page, await unindexedListedPatients(db, clinicId, after, last));
      yield page;
      after = last;
    }
  };
}
