import type { Db } from '../../db/database.js';

/** Open (not resolved) alerts routed or escalated to this person (issue 15: deactivation's impact). */
export async function openAlertsRoutedTo(db: Db, clinicId: string, userId: string) {
  return db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', (j) =>
      j.onRef('a.id', '=', 'r.alert_id').onRef('a.clinic_id', '=', 'r.clinic_id'),
    )
    .select(['a.id as alertId', 'a.patient_id as patientId'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.user_id', '=', userId)
    .where('a.state', '!=', 'resolved')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/**
 * Re-routes open alerts from a departing clinician to their replacement: the replacement becomes a
 * recipient ('routed'), the departing person's row goes. Returns how many alerts moved.
 */
export async function rerouteAlerts(
  db: Db,
  clinicId: string,
  alertIds: string[],
  fromUserId: string,
  to: { userId: string; role: string },
  now: number,
): Promise<number> {
  if (alertIds.length === 0) return 0;
  await db
    .insertInto('alert_recipients')
    .values(
      alertIds.map((alertId) => ({
        alert_id: alertId,
        clinic_id: clinicId,
        user_id: to.userId,
        role: to.role,
        reason: 'routed',
        added_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doNothing())
    .execute();
  await db
    .deleteFrom('alert_recipients')
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', fromUserId)
    .where('alert_id', 'in', alertIds)
    .execute();
  return alertIds.length;
}
