import type { Db } from '../../db/database.js';
import type { AlertHistoryTable, AlertLifecycleTable } from '../../db/schema-alert-lifecycle.js';

/** The lifecycle rows of some alerts (alerts that never moved beyond "open" have none). */
export async function lifecycleRowsOf(db: Db, clinicId: string, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  return db
    .selectFrom('alert_lifecycle')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('alert_id', 'in', alertIds)
    .execute();
}

export async function saveLifecycle(db: Db, row: AlertLifecycleTable): Promise<void> {
  const { alert_id: _id, clinic_id: _clinic, ...changes } = row;
  await db
    .insertInto('alert_lifecycle')
    .values(row)
    .onConflict((oc) => oc.column('alert_id').doUpdateSet(changes))
    .execute();
}

export async function insertHistory(db: Db, row: AlertHistoryTable): Promise<void> {
  await db.insertInto('alert_history').values(row).execute();
}

/** History of some alerts in order, with the names of the people in it. */
export async function historyOf(db: Db, clinicId: string, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  return db
    .selectFrom('alert_history as h')
    .leftJoin('users as actor', 'actor.id', 'h.actor_id')
    .leftJoin('users as target', 'target.id', 'h.target_user_id')
    .select([
      'h.alert_id',
      'h.at',
      'h.kind',
      'h.actor_id',
      'h.target_user_id',
      'h.note',
      'actor.name as actor_name',
      'target.name as target_name',
    ])
    .where('h.clinic_id', '=', clinicId)
    .where('h.alert_id', 'in', alertIds)
    .orderBy('h.at')
    .execute();
}
export type HistoryRow = Awaited<ReturnType<typeof historyOf>>[number];

/** Moves an alert's own columns, only from the version the caller read (optimistic concurrency). */
export async function updateAlertFromLifecycle(
  db: Db,
  clinicId: string,
  alertId: string,
  expectedVersion: number,
  fields: {
    state: string;
    acknowledged_at?: number | null;
    acknowledged_by?: string | null;
    resolved_at?: number;
    resolved_by?: string;
    resolution_note?: string;
    escalated_at?: number;
  },
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

/** Every unresolved urgent alert, any clinic: the escalation run looks at each (they are few). */
export async function unresolvedUrgentAlerts(db: Db) {
  return db
    .selectFrom('alerts')
    .select(['id', 'clinic_id'])
    .where('severity', '=', 'urgent')
    .where('state', '!=', 'resolved')
    .orderBy('created_at')
    .execute();
}

export async function alertCore(db: Db, clinicId: string, alertId: string) {
  return db
    .selectFrom('alerts')
    .select([
      'id',
      'clinic_id',
      'patient_id',
      'type',
      'severity',
      'state',
      'created_at',
      'acknowledged_at',
      'escalated_at',
      'version',
    ])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', alertId)
    .executeTakeFirst();
}
export type AlertCore = NonNullable<Awaited<ReturnType<typeof alertCore>>>;

/** Open self-harm/safety alerts about one subject (the answer that raised them) or with this id. */
export async function openSafetyAlertIds(
  db: Db,
  clinicId: string,
  patientId: string,
  subjectId: string | null,
  alertId: string | null,
) {
  let q = db
    .selectFrom('alerts')
    .select(['id', 'type'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('state', '!=', 'resolved');
  q = q.where((eb) =>
    eb.or([
      ...(subjectId !== null ? [eb('subject_id', '=', subjectId)] : []),
      ...(alertId !== null ? [eb('id', '=', alertId)] : []),
    ]),
  );
  return q.execute();
}

export async function isEscalatedRecipient(
  db: Db,
  clinicId: string,
  alertId: string,
  patientId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .select('r.user_id')
    .where('r.clinic_id', '=', clinicId)
    .where('a.clinic_id', '=', clinicId)
    .where('r.alert_id', '=', alertId)
    .where('a.patient_id', '=', patientId)
    .where('r.user_id', '=', userId)
    .where('r.reason', '=', 'escalated')
    .executeTakeFirst();
  return row !== undefined;
}
