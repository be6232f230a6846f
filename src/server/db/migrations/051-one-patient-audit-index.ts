import type { Kysely } from 'kysely';

// Issue 19: every audit event lands on a page of each per-patient index of `audit_events`, and a caseload's
// 79 events land on 79 different pages of each. Two such indexes, (clinic_id, patient_id, seq) from migration
// 001 and (clinic_id, patient_id, at) from migration 039, made the audit write of a caseload cost about twice
// what one does (3.5-4.3 against 1.9-2.3 ms of CPU). One is kept: (clinic_id, patient_id, at), which the access
// report pages by day; the reads that order a patient's events by chain position (documents, FHIR AuditEvent)
// find the patient's events through it and sort them (docs/benchmarks.md, "Audited reads (issue 19)"). The
// chain itself is untouched: its
// order is the primary key (clinic_id, seq), which `audit:verify` and every append read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_patient').execute();
}
