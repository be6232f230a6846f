import type { Db } from '../../db/database.js';
import type { SideEffectAnswerTable, SideEffectReportTable } from '../../db/schema-side-effects.js';

/** Inserts a report; false when the id already exists (a retry, or an id used before). */
export async function insertReport(db: Db, row: SideEffectReportTable): Promise<boolean> {
  const result = await db
    .insertInto('side_effect_reports')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Any report with this id, whoever it belongs to (the caller checks the patient). */
export function findReportById(db: Db, reportId: string) {
  return db.selectFrom('side_effect_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
}

export function findReport(db: Db, clinicId: string, patientId: string, reportId: string) {
  return db
    .selectFrom('side_effect_reports')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/**
 * A patient's reports, at most `limit`: open ones chosen first (an open report is never the one left out),
 * then the newest others; answered newest first (issue 19).
 */
export async function reportsOfPatient(db: Db, clinicId: string, patientId: string, limit: number) {
  const rows = await db
    .selectFrom('side_effect_reports')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy((eb) => eb.case().when('state', '=', 'open').then(0).else(1).end())
    .orderBy('reported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.sort((a, b) => b.reported_at - a.reported_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export type AnswerRow = SideEffectAnswerTable & { answered_by_name: string; change_summary: string | null };

export function answersOfReports(db: Db, clinicId: string, reportIds: string[]): Promise<AnswerRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('side_effect_answers as a')
    .innerJoin('users as u', 'u.id', 'a.answered_by')
    .leftJoin('medication_changes as c', (j) =>
      j.onRef('c.id', '=', 'a.medication_change_id').onRef('c.clinic_id', '=', 'a.clinic_id'),
    )
    .selectAll('a')
    .select(['u.name as answered_by_name', 'c.summary as change_summary'])
    .where('a.clinic_id', '=', clinicId)
    .where('a.report_id', 'in', reportIds)
    .orderBy('a.answered_at')
    .orderBy('a.id')
    .execute();
}

export function findAnswerById(db: Db, answerId: string) {
  return db.selectFrom('side_effect_answers').selectAll().where('id', '=', answerId).executeTakeFirst();
}

export async function insertAnswer(db: Db, row: SideEffectAnswerTable): Promise<boolean> {
  const result = await db
    .insertInto('side_effect_answers')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function setAnswerConversation(
  db: Db,
  clinicId: string,
  answerId: string,
  conversationId: string,
) {
  await db
    .updateTable('side_effect_answers')
    .set({ conversation_id: conversationId })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', answerId)
    .execute();
}

export async function markAnswered(db: Db, clinicId: string, reportId: string, at: number) {
  await db
    .updateTable('side_effect_reports')
    .set((eb) => ({ state: 'answered', answered_at: at, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', reportId)
    .execute();
}

/** The patient's medication records with what the catalogue says about them (medications feature tables). */
export function medicationsOfPatient(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('medications as m')
    .leftJoin('medication_catalogue as c', (j) =>
      j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .select([
      'm.id',
      'm.name',
      'm.drug_class',
      'm.status',
      'm.start_date',
      'm.end_date',
      'c.generic_name',
      'c.drug_class as catalogue_class',
      'c.drug_group',
      'c.guide_class',
      'c.urgent_symptoms',
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .orderBy('m.start_date')
    .orderBy('m.id')
    .execute();
}
export type MedicationRow = Awaited<ReturnType<typeof medicationsOfPatient>>[number];

/** Changes of these medications made at or after `since` (candidates for a "dose change" answer). */
export function changesSince(
  db: Db,
  clinicId: string,
  patientId: string,
  medicationIds: string[],
  since: number,
) {
  if (medicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('medication_changes')
    .select(['id', 'medication_id', 'kind', 'summary', 'effective_on', 'changed_at', 'side_effect_report_id'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('medication_id', 'in', medicationIds)
    .where('changed_at', '>=', since)
    .orderBy('changed_at', 'desc')
    .limit(50)
    .execute();
}

export function findChange(db: Db, clinicId: string, patientId: string, changeId: string) {
  return db
    .selectFrom('medication_changes')
    .select(['id', 'medication_id', 'side_effect_report_id', 'summary'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', changeId)
    .executeTakeFirst();
}
