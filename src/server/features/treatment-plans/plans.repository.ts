import type { Db } from '../../db/database.js';
import type {
  TreatmentPlanEventTable,
  TreatmentPlanSignatureTable,
  TreatmentPlanTable,
  TreatmentPlanVersionTable,
} from '../../db/schema-plans.js';

export async function findPlanOfPatient(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('treatment_plans')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}

export async function insertPlan(db: Db, row: TreatmentPlanTable): Promise<void> {
  await db.insertInto('treatment_plans').values(row).execute();
}

const versionColumns = (db: Db) =>
  db
    .selectFrom('treatment_plan_versions as v')
    .innerJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.name as created_by_name');

export type VersionRow = TreatmentPlanVersionTable & { created_by_name: string };

/** Every version of a plan, newest first. */
export async function versionsOf(db: Db, clinicId: string, planId: string): Promise<VersionRow[]> {
  return versionColumns(db)
    .where('v.clinic_id', '=', clinicId)
    .where('v.plan_id', '=', planId)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function findVersion(
  db: Db,
  clinicId: string,
  planId: string,
  number: number,
): Promise<VersionRow | undefined> {
  return versionColumns(db)
    .where('v.clinic_id', '=', clinicId)
    .where('v.plan_id', '=', planId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: TreatmentPlanVersionTable): Promise<void> {
  await db.insertInto('treatment_plan_versions').values(row).execute();
}

type VersionChange = Partial<Omit<TreatmentPlanVersionTable, 'id' | 'clinic_id' | 'plan_id' | 'version'>>;

/** Optimistic update of a draft: only when the stored version is the one the client edited; adds 1. */
export async function updateVersionIfCurrent(
  db: Db,
  clinicId: string,
  versionId: string,
  expectedVersion: number,
  fields: VersionChange,
): Promise<boolean> {
  const result = await db
    .updateTable('treatment_plan_versions')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', versionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A state change that does not alter the content (submitted, agreed, acknowledged…): version stays. */
export async function setVersionState(
  db: Db,
  clinicId: string,
  versionId: string,
  fields: VersionChange,
): Promise<void> {
  await db
    .updateTable('treatment_plan_versions')
    .set(fields)
    .where('clinic_id', '=', clinicId)
    .where('id', '=', versionId)
    .execute();
}

export async function signaturesOf(db: Db, clinicId: string, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('treatment_plan_signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.name')
    .where('s.clinic_id', '=', clinicId)
    .where('s.version_id', 'in', versionIds)
    .orderBy('s.signed_at')
    .execute();
}
export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

export async function insertSignature(db: Db, row: TreatmentPlanSignatureTable): Promise<void> {
  await db.insertInto('treatment_plan_signatures').values(row).execute();
}

/** Marks every still-valid signature of a version invalid; returns how many there were. */
export async function invalidateSignatures(
  db: Db,
  clinicId: string,
  versionId: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('treatment_plan_signatures')
    .set({ invalidated_at: now })
    .where('clinic_id', '=', clinicId)
    .where('version_id', '=', versionId)
    .where('invalidated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertPlanEvent(db: Db, row: TreatmentPlanEventTable): Promise<void> {
  await db.insertInto('treatment_plan_events').values(row).execute();
}

export async function historyOf(db: Db, clinicId: string, planId: string, limit: number) {
  return db
    .selectFrom('treatment_plan_events as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .innerJoin('treatment_plan_versions as v', 'v.id', 'e.version_id')
    .select([
      'e.id',
      'e.action',
      'e.user_id',
      'u.name',
      'u.role',
      'e.sections',
      'e.reason',
      'e.at',
      'v.number',
    ])
    .where('e.clinic_id', '=', clinicId)
    .where('e.plan_id', '=', planId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** The therapists and prescribers on a patient's care team: the people whose signatures agree a plan. */
export async function signersOnTeam(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'u.name'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .where('m.role', 'in', ['therapist', 'prescriber'])
    .orderBy('u.name')
    .execute();
}
