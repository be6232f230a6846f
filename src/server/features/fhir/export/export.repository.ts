import { compiledOnce } from '../../../db/compiled-query.js';
import type { Db } from '../../../db/database.js';
import type { FhirExportJobTable } from '../../../db/schema-fhir-exports.js';

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
  db
    .selectFrom('patients as p')
    .select([
      'p.id',
      'p.clinic_id',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'p.email',
      'p.phone',
      'p.medical_record_number',
      'p.version',
      'p.care_team_version',
      'p.updated_at',
    ])
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', '>', afterId)
    .orderBy('p.id')
    .limit(limit),
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
    db
      .selectFrom('questionnaire_responses as r')
      .select([
        'r.id',
        'r.patient_id',
        'r.instrument',
        'r.answers',
        'r.total',
        'r.item9',
        'r.source',
        'r.entered_by',
        'r.answered_at',
        'r.created_at',
      ])
      .where('r.clinic_id', '=', clinicId)
      .where('r.id', '>', afterId)
      .where('r.created_at', '>', since)
      .where('r.created_at', '<=', until)
      .orderBy('r.id')
      .limit(limit),
);
export type ExportAnswerRow = Awaited<ReturnType<typeof answersPage>>[number];

export const medicationsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  db
    .selectFrom('medications as m')
    .leftJoin('medication_catalogue as c', (j) =>
      j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .select([
      'm.id',
      'm.patient_id',
      'm.name',
      'c.rxnorm_code',
      'm.route',
      'm.instructions',
      'm.start_date',
      'm.end_date',
      'm.status',
      'm.prescribed_by',
      'm.version',
      'm.updated_at',
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.id', '>', afterId)
    .orderBy('m.id')
    .limit(limit),
);
export type ExportMedicationRow = Awaited<ReturnType<typeof medicationsPage>>[number];

/** Dose periods of the medications with ids in (afterId, lastId], in each one's order. */
export const periodsOfRange = compiledOnce((db: Db, clinicId: string, afterId: string, lastId: string) =>
  db
    .selectFrom('medication_periods')
    .select(['medication_id', 'starts_on', 'dose_amount', 'dose_unit', 'schedule', 'paused', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('medication_id', '>', afterId)
    .where('medication_id', '<=', lastId)
    .orderBy('medication_id')
    .orderBy('starts_on')
    .orderBy('created_at'),
);

export const appointmentsPage = compiledOnce((db: Db, clinicId: string, afterId: string, limit: number) =>
  db
    .selectFrom('appointments')
    .select([
      'id',
      'patient_id',
      'clinician_id',
      'type',
      'status',
      'mode',
      'starts_at',
      'ends_at',
      'duration_minutes',
      'cancel_reason',
      'created_at',
      'updated_at',
      'version',
    ])
    .where('clinic_id', '=', clinicId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit),
);
export type ExportAppointmentRow = Awaited<ReturnType<typeof appointmentsPage>>[number];
