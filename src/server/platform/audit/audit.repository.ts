import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { DAY_MS } from '../../db/migrations/054-event-first-list-patients.js';
import type { Db, Engine } from '../../db/database.js';
import type { AuditEventTable } from '../../db/schema.js';
import { compiledOnce } from '../../db/compiled-query.js';
import { preparedOnPostgres } from '../../db/pg-prepared.js';

export type AuditRow = AuditEventTable;

// Read before every append: compiled once, bound per call (issue 19).
const lastEventQuery = compiledOnce((db: Db, clinicId: string) =>
  db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('clinic_id', '=', clinicId)
    .orderBy('seq', 'desc')
    .limit(1),
);

export async function lastEventOfClinic(
  db: Db,
  clinicId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await lastEventQuery(db, clinicId);
  return row;
}

// PostgreSQL: the chain's lock and its end in one round trip (migration 055), a named prepared statement.
const LOCKED_END_SQL = 'select seq, hash from duet_audit_chain_end($1)';
preparedOnPostgres(LOCKED_END_SQL);

/**
 * Takes the clinic's chain for this transaction and reads its end (the last event's seq and hash). PostgreSQL:
 * one call of migration 055's function, which takes the same advisory lock as `lockAuditChain` (db/portable.ts)
 * then reads with a snapshot taken after the lock; SQLite: the write transaction already excludes every other
 * writer, a plain read.
 */
export async function lockedChainEnd(
  db: Db,
  engine: Engine,
  clinicId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  if (engine === 'sqlite') return lastEventOfClinic(db, clinicId);
  const { rows } = await db.executeQuery<{ seq: number; hash: string }>(
    CompiledQuery.raw(LOCKED_END_SQL, [clinicId]),
  );
  return rows[0];
}

export async function insertEvent(db: Db, row: AuditRow): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

const COLUMNS = [
  'clinic_id',
  'seq',
  'id',
  'at',
  'actor_id',
  'actor_role',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'prev_hash',
  'hash',
  'hash_key_id',
  'patient_count',
] as const satisfies readonly (keyof AuditRow)[];

// Rows go in statements of these sizes only (largest first): a few fixed SQL texts, each compiled once per
// dialect and prepared once, whatever the number of events (issue 19: the caseload appends ~80 per read).
// 15 columns a row: 64 rows stay far below both engines' limits on bound parameters. Powers of two: any
// number of events below 128 goes in at most seven statements (a caseload of 79: 64 + 8 + 4 + 2 + 1).
const CHUNKS = [64, 32, 16, 8, 4, 2, 1] as const;
const insertSql = new WeakMap<object, Map<number, string>>();

function insertSqlFor(db: Db, rows: number): string {
  const adapter = db.getExecutor().adapter;
  let bySize = insertSql.get(adapter);
  if (!bySize) insertSql.set(adapter, (bySize = new Map<number, string>()));
  const known = bySize.get(rows);
  if (known) return known;
  const markers: string[] = [];
  const values = Array.from({ length: rows }, () =>
    Object.fromEntries(
      COLUMNS.map((c) => {
        const marker = `\u0000audit-${String(markers.length)}\u0000`;
        markers.push(marker);
        return [c, marker];
      }),
    ),
  ) as unknown as AuditRow[];
  const compiled = db.insertInto('audit_events').values(values).compile();
  // The values must be bound in the order given (row by row, column by column), or this path is not used.
  if (compiled.parameters.length !== markers.length || compiled.parameters.some((p, i) => p !== markers[i]))
    throw new Error('audit insert: unexpected parameter order');
  bySize.set(rows, compiled.sql);
  // PostgreSQL: a named prepared statement per size, parsed and planned once per connection (db/pg-prepared.ts).
  if (adapter instanceof PostgresAdapter) preparedOnPostgres(compiled.sql);
  return compiled.sql;
}

export const AUDIT_COLUMN_COUNT = COLUMNS.length;

/**
 * Several events of one chain, in order, from their values laid out row by row in the order of `COLUMNS`
 * (audit.ts builds them so, without an object per event), in as few statements as the fixed sizes allow.
 */
export async function insertEventValues(db: Db, values: unknown[]): Promise<void> {
  const width = COLUMNS.length;
  if (values.length % width !== 0) throw new Error('audit insert: values do not fill whole rows');
  const rows = values.length / width;
  let i = 0;
  for (const size of CHUNKS)
    for (; rows - i >= size; i += size) {
      const parameters = size === rows ? values : values.slice(i * width, (i + size) * width);
      await db.executeQuery(CompiledQuery.raw(insertSqlFor(db, size), parameters));
    }
}

type OnePerColumn<T extends readonly unknown[]> = { readonly [K in keyof T]: string };
/** PostgreSQL array types of `COLUMNS`, in order (unnest below takes one array per column); one per column. */
const PG_COLUMN_TYPES: OnePerColumn<typeof COLUMNS> = [
  'text',
  'bigint',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'integer',
] as const;

/**
 * PostgreSQL: the events of one append AND their event-first list rows (migration 054) in ONE statement of fixed
 * text, whatever their number (issue 19, ninth session). The chunked multi-row insert took one to four round
 * trips for the events (a shared commit of five reads: 4 + 1) and one more for the list rows, all of them while
 * the chain's lock is held, which orders every shared commit: each round trip held back the next commit. Here
 * each column travels as one array (unnest keeps them in step, row i of each); the list rows come from the same
 * JSON form as `insertListPatients`, in a data-modifying CTE (run whether or not it is referenced).
 */
const PG_APPEND_SQL =
  `with events as (insert into audit_events (${COLUMNS.join(', ')}) select ${COLUMNS.map((c) => 'u.' + c).join(', ')}` +
  ` from unnest(${PG_COLUMN_TYPES.map((t, i) => `$${String(i + 1)}::${t}[]`).join(', ')}) as u(${COLUMNS.join(', ')}))` +
  ` insert into audit_list_patients (clinic_id, event_seq, patient_id)` +
  ` select $${String(COLUMNS.length + 1)}, (l.value->>0)::bigint, p.value` +
  ` from jsonb_array_elements($${String(COLUMNS.length + 2)}::jsonb) l, jsonb_array_elements_text(l.value->1) p`;
preparedOnPostgres(PG_APPEND_SQL);

/**
 * The events of one append (values row by row in the order of `COLUMNS`) and the patients its list events with
 * an actor showed (event first, migration 054): on PostgreSQL in one statement, on SQLite (no round trips) as
 * `insertEventValues` then `insertListPatients`.
 */
export async function insertEventsAndListPatients(
  db: Db,
  engine: Engine,
  clinicId: string,
  values: unknown[],
  lists: readonly { seq: number; patients: readonly string[] }[],
): Promise<void> {
  if (engine === 'sqlite') {
    await insertEventValues(db, values);
    await insertListPatients(db, engine, clinicId, lists);
    return;
  }
  const width = COLUMNS.length;
  if (values.length % width !== 0) throw new Error('audit insert: values do not fill whole rows');
  const rows = values.length / width;
  const columns = COLUMNS.map((_, c) => {
    const column = new Array<unknown>(rows);
    for (let r = 0; r < rows; r++) column[r] = values[r * width + c];
    return column;
  });
  const json = JSON.stringify(lists.filter((l) => l.patients.length > 0).map((l) => [l.seq, l.patients]));
  await db.executeQuery(CompiledQuery.raw(PG_APPEND_SQL, [...columns, clinicId, json]));
}

/**
 * The patients that list events of one clinic showed (migration 052: `audit_event_patients`, keyed patient
 * first, now only for a list read without an actor), in one statement of fixed text whatever their number
 * (several lists share a commit under load): `[[seq, [patient ids]], ...]` travels as one JSON text, unpacked by
 * the engine (SQLite `json_each`, PostgreSQL `jsonb_array_elements`). PostgreSQL parses it as jsonb, once: as
 * `json` every `->` re-parses its operand's text, and `l.value->>0` ran once per patient row over the whole
 * list (79 patients: 79 parses of ~3 KB per event); measured, 395 rows (five caseload reads sharing a commit)
 * took 21 ms that way and 3.4 ms as jsonb, all of it under the chain's lock (issue 19, ninth session).
 */
export function insertListedPatients(
  db: Db,
  engine: Engine,
  clinicId: string,
  lists: readonly { seq: number; patients: readonly string[] }[],
): Promise<void> {
  return insertListRows(db, engine, 'audit_event_patients', clinicId, lists);
}

/**
 * The patients that list events with an actor showed, keyed event first (migration 054: `audit_list_patients`):
 * one read's rows are adjacent at the end of the key. Same one-statement JSON form.
 */
export function insertListPatients(
  db: Db,
  engine: Engine,
  clinicId: string,
  lists: readonly { seq: number; patients: readonly string[] }[],
): Promise<void> {
  return insertListRows(db, engine, 'audit_list_patients', clinicId, lists);
}

async function insertListRows(
  db: Db,
  engine: Engine,
  table: 'audit_event_patients' | 'audit_list_patients',
  clinicId: string,
  lists: readonly { seq: number; patients: readonly string[] }[],
): Promise<void> {
  const nonEmpty = lists.filter((l) => l.patients.length > 0);
  if (nonEmpty.length === 0) return;
  const text =
    engine === 'sqlite'
      ? `insert into ${table} (clinic_id, event_seq, patient_id) select ?, json_extract(l.value, '$[0]'), p.value from json_each(?) l, json_each(l.value, '$[1]') p`
      : `insert into ${table} (clinic_id, event_seq, patient_id) select $1, (l.value->>0)::bigint, p.value from jsonb_array_elements($2::jsonb) l, jsonb_array_elements_text(l.value->1) p`;
  const json = JSON.stringify(nonEmpty.map((l) => [l.seq, l.patients]));
  await db.executeQuery(CompiledQuery.raw(text, [clinicId, json]));
}

/**
 * (patient, actor, day) rows of the day index (migration 054) for `[[actor id, [patient ids]], ...]` of one UTC
 * day; a row already there (another instance wrote it) is left as it is.
 */
export async function insertListDays(
  db: Db,
  engine: Engine,
  clinicId: string,
  day: number,
  byActor: readonly (readonly [string, readonly string[]])[],
): Promise<void> {
  if (byActor.every(([, patients]) => patients.length === 0)) return;
  // SQLite: `where true` tells the upsert's ON CONFLICT from a join's ON.
  const text =
    engine === 'sqlite'
      ? "insert into audit_patient_list_days (clinic_id, patient_id, actor_id, day) select ?, p.value, json_extract(l.value, '$[0]'), ? from json_each(?) l, json_each(l.value, '$[1]') p where true on conflict do nothing"
      : 'insert into audit_patient_list_days (clinic_id, patient_id, actor_id, day) select $1, p.value, l.value->>0, $2::bigint from jsonb_array_elements($3::jsonb) l, jsonb_array_elements_text(l.value->1) p on conflict do nothing';
  await db.executeQuery(CompiledQuery.raw(text, [clinicId, day, JSON.stringify(byActor)]));
}

/**
 * Of the event-first list rows with `event_seq` in (afterSeq, lastSeq], the first patient of each event whose
 * (patient, actor, day) is missing from the day index (migration 054): such a read would be hidden from that
 * patient's access report.
 */
export async function unindexedListedPatients(
  db: Db,
  clinicId: string,
  afterSeq: number,
  lastSeq: number,
): Promise<[number, string][]> {
  const { rows } = await sql<{ event_seq: number | string; patient_id: string }>`
    select l.event_seq, min(l.patient_id) as patient_id
    from audit_list_patients l
    join audit_events e on e.clinic_id = l.clinic_id and e.seq = l.event_seq
    where l.clinic_id = ${clinicId} and l.event_seq > ${afterSeq} and l.event_seq <= ${lastSeq}
      and not exists (select 1 from audit_patient_list_days d where d.clinic_id = l.clinic_id
        and d.patient_id = l.patient_id and d.actor_id = e.actor_id and d.day = e.at / ${sql.lit(DAY_MS)})
    group by l.event_seq`.execute(db);
  return rows.map((r) => [Number(r.event_seq), r.patient_id]);
}

/** How many times this account was refused in this clinic since `since` (the partial index of migration 039). */
export async function refusalsOfActorSince(
  db: Db,
  clinicId: string,
  actorId: string,
  since: number,
): Promise<{ n: number; first: number | null }> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('first')])
    .where('clinic_id', '=', clinicId)
    .where('actor_id', '=', actorId)
    .where('outcome', '=', 'denied')
    .where('at', '>', since)
    .executeTakeFirst();
  return { n: Number(row?.n ?? 0), first: row?.first ?? null };
}

export async function clinicIdsWithEvents(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('clinic_id').distinct().execute();
  return rows.map((r) => r.clinic_id);
}

/** Pages through one clinic's chain in order, so verification never holds the whole table in memory. */
export async function eventsAfter(
  db: Db,
  clinicId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

/** The list events' patients (migrations 052, 054) with `event_seq` in (afterSeq, lastSeq], as (seq, patient id). */
export async function patientsBetween(
  db: Db,
  clinicId: string,
  afterSeq: number,
  lastSeq: number,
): Promise<[number, string][]> {
  const rows = await db
    .selectFrom('audit_listed_patients')
    .select(['event_seq', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('event_seq', '>', afterSeq)
    .where('event_seq', '<=', lastSeq)
    .execute();
  return rows.map((r) => [r.event_seq, r.patient_id]);
}

/** The first `event_seq` of the side table past `afterSeq` (null: none). */
export async function strayPatientsAfter(db: Db, clinicId: string, afterSeq: number): Promise<number | null> {
  const row = await db
    .selectFrom('audit_listed_patients')
    .select((eb) => eb.fn.min('event_seq').as('seq'))
    .where('clinic_id', '=', clinicId)
    .where('event_seq', '>', afterSeq)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/** The last event of every clinic's chain (the heads a checkpoint records). */
export async function chainHeads(db: Db): Promise<{ clinic_id: string; seq: number; hash: string }[]> {
  const rows = await db
    .selectFrom('audit_events as a')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('audit_events')
          .select(['clinic_id'])
          .select((e) => e.fn.max('seq').as('max_seq'))
          .groupBy('clinic_id')
          .as('h'),
      (j) => j.onRef('h.clinic_id', '=', 'a.clinic_id').onRef('h.max_seq', '=', 'a.seq'),
    )
    .select(['a.clinic_id', 'a.seq', 'a.hash'])
    .orderBy('a.clinic_id')
    .execute();
  return rows.map((r) => ({ clinic_id: r.clinic_id, seq: r.seq, hash: r.hash }));
}

/** Per clinic, the first event written with an HMAC. */
export async function firstKeyedEvents(db: Db): Promise<{ clinic_id: string; seq: number }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['clinic_id'])
    .select((e) => e.fn.min('seq').as('seq'))
    .where('hash_key_id', 'is not', null)
    .groupBy('clinic_id')
    .execute();
  return rows.map((r) => ({ clinic_id: r.clinic_id, seq: r.seq }));
}
