import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

// Issue 19, second pass: a list read's patients (migration 052) cost one B-tree page each when keyed patient
// first (79 pages changed per caseload read). From here a list event's patients go into an EVENT-FIRST table,
// `audit_list_patients (clinic_id, event_seq, patient_id)`: one read's rows are adjacent at the end of the key
// (one or two pages), in the same transaction as the event, covered by its HMAC exactly as before.
//
// A patient's access report still finds every list read that showed them through a per (patient, actor, day)
// index, `audit_patient_list_days`, written once per pair and day (audit.ts keeps a bounded memory of the pairs
// it wrote, so a clinician re-reading the same caseload the same day writes no index row). For each (actor, day)
// of a patient, the actor's list events of that UTC day come from `audit_events_list_by_actor` and each is
// checked for the patient with one key look-up in the event-first table.
//
// Only additions: 052's rows stay where they are, readable and verifiable; a list event with no actor (none is
// written today) keeps using 052's patient-first table, the day index needs an actor.
export const DAY_MS = 86_400_000;

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const withoutRowid = sql.raw(engine === 'sqlite' ? ' without rowid' : '');
  await sql`create table audit_list_patients (
    clinic_id text not null,
    event_seq bigint not null,
    patient_id text not null,
    primary key (clinic_id, event_seq, patient_id)
  )${withoutRowid}`.execute(db);
  // day: the UTC day of the event's instant, floor(at / 86,400,000).
  await sql`create table audit_patient_list_days (
    clinic_id text not null,
    patient_id text not null,
    actor_id text not null,
    day bigint not null,
    primary key (clinic_id, patient_id, actor_id, day)
  )${withoutRowid}`.execute(db);
  // One actor's list events by instant (list events only: the other events do not pay for it).
  await sql`create index audit_events_list_by_actor on audit_events (clinic_id, actor_id, at, seq) where patient_count is not null`.execute(
    db,
  );
  for (const table of ['audit_list_patients', 'audit_patient_list_days']) {
    if (engine === 'sqlite') {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.raw(table)} begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(
        db,
      );
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.raw(table)} begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(
        db,
      );
    } else {
      // duet_audit_append_only() is migration 002's.
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)} for each row execute function duet_audit_append_only()`.execute(
        db,
      );
    }
  }
  // Every list event's patients, whichever table holds them (verification, export, FHIR look-up by id).
  await sql`create view audit_listed_patients as
    select clinic_id, event_seq, patient_id from audit_event_patients
    union all
    select clinic_id, event_seq, patient_id from audit_list_patients`.execute(db);
  // The per-patient readers' view (access report, FHIR AuditEvent, record document), same columns and ids as 052's:
  // the events naming the patient, 052's list rows, and the list events found through the day index. The tables
  // come in the order written (SQLite keeps the order of a CROSS JOIN): the patient's key first, never the
  // clinic's events first.
  await sql`drop view audit_patient_events`.execute(db);
  await sql`create view audit_patient_events as
    select clinic_id, seq, id, at, actor_id, actor_role, patient_id, action, resource_type, resource_id, outcome,
      prev_hash, hash, hash_key_id, patient_count
    from audit_events where patient_id is not null
    union all
    select a.clinic_id, a.seq, 'L' || cast(p.event_seq as text) || '-' || p.patient_id, a.at, a.actor_id,
      a.actor_role, p.patient_id, a.action, a.resource_type, a.resource_id, a.outcome, a.prev_hash, a.hash,
      a.hash_key_id, a.patient_count
    from audit_event_patients p
    cross join audit_events a
    where a.clinic_id = p.clinic_id and a.seq = p.event_seq
    union all
    select e.clinic_id, e.seq, 'L' || cast(l.event_seq as text) || '-' || l.patient_id, e.at, e.actor_id,
      e.actor_role, d.patient_id, e.action, e.resource_type, e.resource_id, e.outcome, e.prev_hash, e.hash,
      e.hash_key_id, e.patient_count
    from audit_patient_list_days d
    cross join audit_events e
    cross join audit_list_patients l
    where e.clinic_id = d.clinic_id and e.actor_id = d.actor_id and e.patient_count is not null
      and e.at >= d.day * ${sql.lit(DAY_MS)} and e.at < d.day * ${sql.lit(DAY_MS)} + ${sql.lit(DAY_MS)}
      and l.clinic_id = e.clinic_id and l.event_seq = e.seq and l.patient_id = d.patient_id`.execute(db);
}
