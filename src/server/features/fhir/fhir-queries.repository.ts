import type { Db } from '../../db/database.js';

// One query builder per FHIR type, shared by the read/search API (fhir.repository.ts) and the bulk export
// (export/export.repository.ts): both select the same columns from the same tables, so a resource read by id,
// found by a search and exported is built from the same row (issue 16). Callers narrow each one (a patient, an
// id, a keyset page) and compile the hot ones once (db/compiled-query.ts).

/** What a Patient (and its CareTeam's version) is built from. */
export const patientColumns = [
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
] as const;

/** The clinic's patients with the Patient columns; callers narrow (an id, a keyset page, a care-team limit). */
export const clinicPatients = (db: Db, clinicId: string) =>
  db.selectFrom('patients as p').select(patientColumns).where('p.clinic_id', '=', clinicId);

// QuestionnaireResponse and Observation.

/** What a QuestionnaireResponse and its Observations are built from (who entered it: see the callers). */
export const answerColumns = [
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
] as const;

/** The clinic's questionnaire answers (no columns chosen: a count selects its own). */
export const clinicAnswers = (db: Db, clinicId: string) =>
  db.selectFrom('questionnaire_responses as r').where('r.clinic_id', '=', clinicId);

// MedicationRequest.

/** The clinic's prescriptions with what a MedicationRequest is built from (RxNorm code from the catalogue). */
export const clinicMedications = (db: Db, clinicId: string) =>
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
    .where('m.clinic_id', '=', clinicId);

/** The dose periods (each a dosage instruction) of the clinic's prescriptions. */
export const clinicPeriods = (db: Db, clinicId: string) =>
  db
    .selectFrom('medication_periods')
    .select(['medication_id', 'starts_on', 'dose_amount', 'dose_unit', 'schedule', 'paused', 'created_at'])
    .where('clinic_id', '=', clinicId);

// Appointment and Encounter.

/** The clinic's appointments with what an Appointment (or, attended, an Encounter) is built from. */
export const clinicAppointments = (db: Db, clinicId: string) =>
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
    .where('clinic_id', '=', clinicId);

// CarePlan, Goal and Condition: the agreed plan versions (drafts are never read).

export const clinicAgreedVersions = (db: Db, clinicId: string) =>
  db
    .selectFrom('treatment_plan_versions as v')
    .select([
      'v.id',
      'v.plan_id',
      'v.patient_id',
      'v.number',
      'v.status',
      'v.content',
      'v.agreed_at',
      'v.version',
      'v.updated_at',
    ])
    .where('v.clinic_id', '=', clinicId)
    .where('v.status', 'in', ['agreed', 'superseded'])
    .where('v.agreed_at', 'is not', null);

// AllergyIntolerance: the allergies of the medication-safety profiles (its other entries are not allergies).

export const clinicAllergies = (db: Db, clinicId: string) =>
  db
    .selectFrom('medication_safety_entries')
    .select([
      'id',
      'patient_id',
      'name',
      'reaction',
      'severity',
      'status',
      'entered_by',
      'entered_by_role',
      'entered_at',
      'version',
      'updated_at',
    ])
    .where('clinic_id', '=', clinicId)
    .where('kind', '=', 'allergy');

// MedicationStatement: the logged doses (taken or skipped), their medication and who logged them.

export const clinicDoses = (db: Db, clinicId: string) =>
  db
    .selectFrom('dose_logs as d')
    .innerJoin('medications as m', (j) =>
      j.onRef('m.id', '=', 'd.medication_id').onRef('m.clinic_id', '=', 'd.clinic_id'),
    )
    .leftJoin('medication_catalogue as c', (j) =>
      j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'd.logged_by').onRef('u.clinic_id', '=', 'd.clinic_id'),
    )
    .select([
      'd.id',
      'd.patient_id',
      'd.medication_id',
      'm.name as medication_name',
      'c.rxnorm_code',
      'd.status',
      'd.skip_reason',
      'd.taken_at',
      'd.scheduled_for',
      'd.local_date',
      'd.dose_amount',
      'd.dose_unit',
      'd.as_needed',
      'd.logged_by',
      'u.role as logged_by_role',
      'd.created_at',
      'd.updated_at',
      'd.version',
    ])
    .where('d.clinic_id', '=', clinicId);
