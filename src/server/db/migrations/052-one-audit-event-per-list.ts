import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

// Issue 19: a read that shows a list of patients (caseload, registry, inbox, worklist) is ONE chained audit event
// (`patient_count` set, `patient_id` null) and the patients it showed are rows of the narrow side table
// `audit_event_patients`, written in the same transaction. The event's HMAC covers its patients (audit-chain.ts),
// so `audit:verify` reads them back and notices a side row removed or added. Before, such a read wrote one event
// per patient (79 for a caseload), each landing on a different page of every index of `audit_events`.
// Only additions: old single-patient events and old per-patient list events stay as they are.
//
// `audit_patient_events` is what the per-patient readers (access report, FHIR AuditEvent, the record document)
// read: the events naming one patient, plus one row per (list event, patient shown). Such a row's `id` is
// `L<seq>-<patient id>` (unique in the clinic, at most 48 characters: usable as a FHIR id). The side rows come
// first (SQLite keeps the order of a CROSS JOIN): a patient's list reads are found on the side table's key, then
// each event on the chain's key, never the clinic's events first.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('patient_count', 'integer').execute();
  // Keyed by patient first: a patient's access report finds its list reads on one range of this key.
  await sql`create table audit_event_patients (
    clinic_id text not null,
    patient_id text not null,
    event_seq bigint not null,
    primary key (clinic_id, patient_id, event_seq)
  )${sql.raw(engine === 'sqlite' ? ' without rowid' : '')}`.execute(db);
  // Verification reads an event's patients in chain order (rows land at the end of this index: one page).
  await db.schema
    .createIndex('audit_event_patients_event')
    .on('audit_event_patients')
    .columns(['clinic_id', 'event_seq'])
    .execute();
  if (engine === 'sqlite') {
    await sql`create trigger audit_event_patients_no_update before update on audit_event_patients begin select raise(abort, 'audit_event_patients is append-only'); end`.execute(
      db,
    );
    await sql`create trigger audit_event_patients_no_delete before delete on audit_event_patients begin select raise(abort, 'audit_event_patients is append-only'); end`.execute(
      db,
    );
  } else {
    // duet_audit_append_only() is migration 002's.
    await sql`create trigger audit_event_patients_append_only before update or delete on audit_event_patients for each row execute function duet_audit_append_only()`.execute(
      db,
    );
  }
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
    where a.clinic_id = p.clinic_id and a.seq = p.event_seq`.execute(db);
}
