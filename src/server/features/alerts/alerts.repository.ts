import type { Db } from '../../db/database.js';
import type { AlertRecipientTable, AlertTable } from '../../db/schema.js';
import { SAFETY_ALERT_TYPES } from '../../../shared/alerts/lifecycle.js';

export interface InboxFilter {
  states: string[];
  patientId?: string;
  type?: string;
  limit: number;
}

const alertColumns = [
  'a.id',
  'a.patient_id',
  'a.type',
  'a.severity',
  'a.title',
  'a.details',
  'a.subject_id',
  'a.state',
  'a.created_at',
  'a.acknowledged_at',
  'a.acknowledged_by',
  'a.resolved_at',
  'a.resolved_by',
  'a.resolution_note',
  'a.escalated_at',
  'a.version',
  'p.given_name',
  'p.family_name',
] as const;

/** Alerts routed to this clinician about patients whose care team they are on now, or escalated to them. */
export async function inboxOf(db: Db, clinicId: string, userId: string, filter: InboxFilter) {
  let q = db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(alertColumns)
    .where('r.clinic_id', '=', clinicId)
    .where('r.user_id', '=', userId)
    .where('a.state', 'in', filter.states)
    .where((eb) =>
      eb.or([
        // An escalation reaches the on-call clinician or the clinical lead even off the care team (issue 12).
        eb('r.reason', '=', 'escalated'),
        eb.exists(
          eb
            .selectFrom('care_team_members as m')
            .select('m.user_id')
            .where('m.clinic_id', '=', clinicId)
            .whereRef('m.patient_id', '=', 'a.patient_id')
            .where('m.user_id', '=', userId),
        ),
      ]),
    );
  if (filter.patientId) q = q.where('a.patient_id', '=', filter.patientId);
  if (filter.type) q = q.where('a.type', '=', filter.type);
  // The most severe first, so a bound never leaves out an urgent alert for a newer routine one (issue 19).
  return q
    .orderBy((eb) =>
      eb
        .case()
        .when('a.severity', '=', 'urgent')
        .then(0)
        .when('a.severity', '=', 'high')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .execute();
}
export type AlertRow = Awaited<ReturnType<typeof inboxOf>>[number];

/**
 * A patient's alerts, open ones first (so an open alert is never the one left out), then newest first: at most
 * `limit` rows (the caller asks one more to learn whether more exist; issue 19).
 */
export async function alertsOfPatient(db: Db, clinicId: string, patientId: string, limit: number) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(alertColumns)
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .orderBy((eb) => eb.case().when('a.state', '=', 'resolved').then(1).else(0).end())
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

export async function alertById(db: Db, clinicId: string, alertId: string) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(alertColumns)
    .where('a.clinic_id', '=', clinicId)
    .where('a.id', '=', alertId)
    .executeTakeFirst();
}

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
