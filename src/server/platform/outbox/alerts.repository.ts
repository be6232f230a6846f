import type { Db } from '../../db/database.js';
import type { AlertRecipientTable, AlertTable } from '../../db/schema.js';
import { SAFETY_ALERT_TYPES } from '../../../shared/alerts/lifecycle.js';

/** Inserts an alert unless one with the same idempotency key exists; true when this call created it. */
export async function insertAlertOnce(db: Db, row: AlertTable): Promise<boolean> {
  const result = await db
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function insertRecipients(db: Db, rows: AlertRecipientTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('alert_recipients')
    .values(rows)
    .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doNothing())
    .execute();
}

export async function careTeamOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_team_members')
    .select(['user_id', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .execute();
}

export async function findAlert(db: Db, clinicId: string, alertId: string) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', alertId)
    .executeTakeFirst();
}

export async function recipientsOf(db: Db, clinicId: string, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  return db
    .selectFrom('alert_recipients as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.alert_id', 'r.user_id', 'u.name', 'r.role', 'r.reason'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.alert_id', 'in', alertIds)
    .orderBy('r.added_at')
    .execute();
}

/** Moves an alert to a new state only from the version the caller saw (optimistic concurrency). */
export async function updateAlertState(
  db: Db,
  clinicId: string,
  alertId: string,
  expectedVersion: number,
  fields: Partial<
    Pick<
      AlertTable,
      'state' | 'acknowledged_at' | 'acknowledged_by' | 'resolved_at' | 'resolved_by' | 'resolution_note'
    >
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', alertId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Open alerts about one subject that a feature may close on its own. Safety alerts are never among them:
 * they close only through the alert lifecycle, with a risk assessment that reached the patient (issue 12).
 */
export async function openAlertsForSubject(db: Db, clinicId: string, subjectId: string) {
  return db
    .selectFrom('alerts')
    .select(['id', 'version', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('subject_id', '=', subjectId)
    .where('state', '!=', 'resolved')
    .where('type', 'not in', [...SAFETY_ALERT_TYPES])
    .where('type', 'not like', 'self_harm%')
    .execute();
}

export async function unacknowledgedUrgentBefore(db: Db, before: number) {
  return db
    .selectFrom('alerts')
    .select(['id', 'clinic_id', 'patient_id', 'created_at'])
    .where('state', '=', 'open')
    .where('severity', '=', 'urgent')
    .where('escalated_at', 'is', null)
    .where('created_at', '<=', before)
    .execute();
}

export async function markEscalated(db: Db, alertId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set((eb) => ({ escalated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', alertId)
    .where('escalated_at', 'is', null)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function clinicSettingsJson(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return row?.settings ?? '{}';
}
