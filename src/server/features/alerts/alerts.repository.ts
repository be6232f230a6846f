import type { Db } from '../../db/database.js';

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
  return q.orderBy('a.created_at', 'desc').limit(filter.limit).execute();
}
export type AlertRow = Awaited<ReturnType<typeof inboxOf>>[number];

export async function alertsOfPatient(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(alertColumns)
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.created_at', 'desc')
    .limit(500)
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
