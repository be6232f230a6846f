import { compiledOnce } from '../../../db/compiled-query.js';
import type { Db } from '../../../db/database.js';
import type { FhirExportJobTable } from '../../../db/schema-fhir-exports.js';
import {
  clinicPatients,
  answerColumns,
  clinicAnswers,
  clinicMedications,
  clinicPeriods,
  clinicAppointments,
  clinicAgreedVersions,
  clinicAllergies,
  clinicDoses,
} from '../fhir-queries.repository.js';

// Bulk export: the job table (written only here) and the keyset pages the export reads from Duet's own tables.
// Each page query is built and compiled once (db/compiled-query.ts): a fixed shape, bound per batch.

export type ExportJobRow = FhirExportJobTable;

export async function insertJob(db: Db, row: ExportJobRow): Promise<void> {
  await db.insertInto('fhir_export_jobs').values(row).execute();
}

export function jobById(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('fhir_export_jobs')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Jobs of this client still running (one at a time per client). */
export function runningJobsOf(db: Db, clinicId: string, clientId: string) {
  return db
    .selectFrom('fhir_export_jobs')
    .select(['id'])
    .where('clinic_id', '=', clinicId)
    .where('client_id', '=', clientId)
    .where('status', '=', 'running')
    .execute();
}

/** Progress of a running job; false when it is no longer running (cancelled: its row is gone). */
export async function noteProgress(
  db: Db,
  id: string,
  progress: string,
  resources: number,
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable('fhir_export_jobs')
    .set((eb) => ({ progress, resources, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Ends a running job (completed or failed); false when it was cancelled meanwhile. */
export async function finishJob(
  db: Db,
  id: string,
  end: {
    status: 'completed' | 'failed';
    progress: string;
    resources: number;
    output: string | null;
    error: string | null;
    now: number;
    expiresAt: number;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('fhir_export_jobs')
    .set((eb) => ({
      status: end.status,
      progress: end.progress,
      resources: end.resources,
      output: end.output,
      error: end.error,
      updated_at: end.now,
      finished_at: end.now,
      expires_at: end.expiresAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteJob(db: Db, clinicId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('fhir_export_jobs')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Finished jobs past their retention, and running jobs silent since `staleBefore` (their process ended). */
export function jobsToPurge(db: Db, now: number, staleBefore: number) {
  return db
    .selectFrom('fhir_export_jobs')
    .select(['id', 'clinic_id', 'status'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '!=', 'running'), eb('expires_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('updated_at', '<', staleBefore)]),
      ]),
    )
    .limit(500)
    .execute();
}

/** Patient ids of the clinic one of these clinicians is on the care team of (the client's care-team limit). */
export async function patientIdsOfTeams(db: Db, clinicId: string, teamMemberIds: readonly string[]) {
  if (teamMemberIds.length === 0) return [];
  const rows = await db
    .selectFrom('care_team_members')
    .select('patient_id')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where('user_id', 'in', [...teamMemberIds])
    .execute();
  return rows.map((r) => r.patient_id);
}

// Keyset pages: rows of the clinic after `afterId` in id order, `limit` at a time.

export const patientsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  clinicPatients(db, clinicId).where('p.id', '>', afterId).orderBy('p.id').limit(limit),
);
export type ExportPatientRow = Awaited<ReturnType<typeof patientsPage>>[number];

/** Care-team members of the patients with ids in (afterId, lastId], by patient. */
export const careTeamsOfRange = compiledOnce((db: Db, clinicId: string, afterId: string, lastId: string) =>
  db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'm.user_id').onRef('u.clinic_id', '=', 'm.clinic_id'),
    )
    .select(['m.patient_id', 'm.user_id', 'm.role', 'm.added_at', 'u.name'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '>', afterId)
    .where('m.patient_id', '<=', lastId)
    .orderBy('m.patient_id')
    .orderBy('m.added_at')
    .orderBy('m.user_id'),
);

/** Questionnaire answers created in (since, until], after `afterId` (who entered them: `cliniciansOf`). */
export const answersPage = compiledOnce(
  (db: Db, clinicId: string, afterId: string, since: number, until: number, limit: number) =>
    clinicAnswers(db, clinicId)
      .select(answerColumns)
      .where('r.id', '>', afterId)
      .where('r.created_at', '>', since)
      .where('r.created_at', '<=', until)
      .orderBy('r.id')
      .limit(limit),
);
export type ExportAnswerRow = Awaited<ReturnType<typeof answersPage>>[number];

export const medicationsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  clinicMedications(db, clinicId).where('m.id', '>', afterId).orderBy('m.id').limit(limit),
);
export type ExportMedicationRow = Awaited<ReturnType<typeof medicationsPage>>[number];

/** Dose periods of the medications with ids in (afterId, lastId], in each one's order. */
export const periodsOfRange = compiledOnce((db: Db, clinicId: string, afterId: string, lastId: string) =>
  clinicPeriods(db, clinicId)
    .where('medication_id', '>', afterId)
    .where('medication_id', '<=', lastId)
    .orderBy('medication_id')
    .orderBy('starts_on')
    .orderBy('created_at'),
);

export const appointmentsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  clinicAppointments(db, clinicId).where('id', '>', afterId).orderBy('id').limit(limit),
);
export type ExportAppointmentRow = Awaited<ReturnType<typeof appointmentsPage>>[number];

// The care records beyond scores and prescriptions (issue 16). Each read selects what the FHIR read selects
// (fhir-care-plan, fhir-clinical-records and fhir-patient-events repositories): drafts, the team thread and
// Duet's own automatic work are left out here exactly as there.

/** Patients of the clinic with an agreed plan version, after `afterId` (the plan source's keyset). */
export const planPatientsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  db
    .selectFrom('treatment_plan_versions')
    .select('patient_id')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '>', afterId)
    .where('status', 'in', ['agreed', 'superseded'])
    .where('agreed_at', 'is not', null)
    .orderBy('patient_id')
    .limit(limit),
);

/** Agreed plan versions of the patients with ids in (afterId, lastId]: by patient, newest version first. */
export const agreedVersionsOfRange = compiledOnce(
  (db: Db, clinicId: string, afterId: string, lastId: string) =>
    clinicAgreedVersions(db, clinicId)
      .where('v.patient_id', '>', afterId)
      .where('v.patient_id', '<=', lastId)
      .orderBy('v.patient_id')
      .orderBy('v.number', 'desc'),
);
export type ExportPlanVersionRow = Awaited<ReturnType<typeof agreedVersionsOfRange>>[number];

/** Allergies of the medication-safety profiles (other entries there are not allergies). */
export const allergiesPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  clinicAllergies(db, clinicId).where('id', '>', afterId).orderBy('id').limit(limit),
);

/** Logged doses (taken or skipped) with their medication and who logged them. */
export const dosesPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  clinicDoses(db, clinicId).where('d.id', '>', afterId).orderBy('d.id').limit(limit),
);

/** Messages of the conversations with patients: kind 'patient' only, never the care team's own thread. */
export const patientMessagesPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 'm.conversation_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'm.author_id').onRef('u.clinic_id', '=', 'm.clinic_id'),
    )
    .select([
      'm.id',
      'm.patient_id',
      'm.conversation_id',
      'c.subject',
      'm.author_id',
      'u.role as author_role',
      'm.body',
      'm.created_at',
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('c.kind', '=', 'patient')
    .where('m.id', '>', afterId)
    .orderBy('m.id')
    .limit(limit),
);

/** The patients the list events with seq in (afterSeq, lastSeq] showed (migrations 052, 054), as (seq, patient id). */
export const listedPatients = compiledOnce((db: Db, clinicId: string, afterSeq: number, lastSeq: number) =>
  db
    .selectFrom('audit_listed_patients')
    .select(['event_seq', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('event_seq', '>', afterSeq)
    .where('event_seq', '<=', lastSeq)
    .orderBy('event_seq')
    .orderBy('patient_id'),
);

/**
 * The access reports' events (a patient's, with a person or integration as actor) in (since, until], after
 * chain position `afterSeq` (the table's key); this export's own `fhir.export` entries (`jobId`) are not in it.
 */
export const accessEventsPage = compiledOnce(
  (db: Db, clinicId: string, afterSeq: number, since: number, until: number, jobId: string, limit: number) =>
    db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', (j) =>
        j.onRef('u.id', '=', 'a.actor_id').onRef('u.clinic_id', '=', 'a.clinic_id'),
      )
      .leftJoin('api_clients as k', (j) =>
        j.onRef('k.id', '=', 'a.actor_id').onRef('k.clinic_id', '=', 'a.clinic_id'),
      )
      .select((eb) => [
        'a.id',
        'a.seq',
        'a.clinic_id',
        'a.patient_id',
        'a.at',
        'a.actor_id',
        'a.actor_role',
        eb.fn.coalesce('u.name', 'k.name').as('actor_name'),
        'a.action',
        'a.outcome',
        'a.patient_count',
      ])
      .where('a.clinic_id', '=', clinicId)
      .where('a.seq', '>', afterSeq)
      // A patient's event, or a list read with the patients it showed (migration 052: listedPatients).
      .where((eb) => eb.or([eb('a.patient_id', 'is not', null), eb('a.patient_count', '>', 0)]))
      .where('a.actor_id', 'is not', null)
      .where('a.at', '>', since)
      .where('a.at', '<=', until)
      .where((eb) =>
        eb.or([
          eb('a.action', '!=', 'fhir.export'),
          eb('a.resource_id', 'is', null),
          eb('a.resource_id', '!=', jobId),
        ]),
      )
      .orderBy('a.seq')
      .limit(limit),
);
