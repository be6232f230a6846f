import type { Db } from '../../db/database.js';
import type { PushDeliveryTable, PushPreferenceTable } from '../../db/schema-push.js';

// The only SQL of push notifications (issue 17). Every table here is written by this file alone.

export async function readServerKeys(db: Db) {
  return db.selectFrom('push_server_keys').selectAll().where('id', '=', 'vapid').executeTakeFirst();
}

/** Stores the key pair unless one exists (two instances starting at once keep the first). */
export async function insertServerKeys(db: Db, keys: { publicKey: string; privateKey: string; now: number }) {
  await db
    .insertInto('push_server_keys')
    .values({ id: 'vapid', public_key: keys.publicKey, private_key: keys.privateKey, created_at: keys.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function subscriptionsOf(db: Db, clinicId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
}

export async function subscriptionById(db: Db, id: string) {
  return db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Saves a browser's subscription for this account. The endpoint is unique: the same browser subscribing again
 * (new keys, or another account signed in on it) takes over its row, so one device never gets a push twice.
 */
export async function upsertSubscription(
  db: Db,
  row: {
    id: string;
    clinic_id: string;
    user_id: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    device_label: string | null;
    created_at: number;
  },
): Promise<string> {
  await db
    .insertInto('push_subscriptions')
    .values({ ...row, last_sent_at: null })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({
        clinic_id: row.clinic_id,
        user_id: row.user_id,
        p256dh: row.p256dh,
        auth: row.auth,
        device_label: row.device_label,
      }),
    )
    .execute();
  const saved = await db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('endpoint', '=', row.endpoint)
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function deleteSubscription(db: Db, clinicId: string, userId: string, id: string) {
  const r = await db
    .deleteFrom('push_subscriptions')
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The push service said the subscription is gone (404/410): forget it. */
export async function deleteGoneSubscription(db: Db, id: string) {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

export async function markSubscriptionSent(db: Db, id: string, now: number) {
  await db.updateTable('push_subscriptions').set({ last_sent_at: now }).where('id', '=', id).execute();
}

export async function readPreferences(db: Db, clinicId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('push_preferences')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** Saves when `expectedVersion` is current (0: the first save); false when someone saved first. */
export async function savePreferences(
  db: Db,
  row: Omit<PushPreferenceTable, 'version'>,
  expectedVersion: number,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const r = await db
      .insertInto('push_preferences')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const { user_id, clinic_id, ...values } = row;
  const r = await db
    .updateTable('push_preferences')
    .set({ ...values, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinic_id)
    .where('user_id', '=', user_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active patients of the clinic with dose reminders on and at least one subscription. */
export async function patientsWantingDosePush(db: Db, clinicId: string) {
  return db
    .selectFrom('push_preferences as pp')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.user_id', '=', 'pp.user_id').onRef('p.clinic_id', '=', 'pp.clinic_id'),
    )
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.user_id', 'p.time_zone'])
    .where('pp.clinic_id', '=', clinicId)
    .where('pp.doses', '=', 1)
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('push_subscriptions as s')
          .select('s.id')
          .whereRef('s.user_id', '=', 'pp.user_id')
          .whereRef('s.clinic_id', '=', 'pp.clinic_id'),
      ),
    )
    .execute();
}

export async function clinicsWithPush(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('push_preferences').select('clinic_id').distinct().execute();
  return rows.map((r) => r.clinic_id);
}

/** Queues one notification; its dedupe key makes a replayed event or a rerun check harmless. */
export async function insertNotification(
  db: Db,
  row: {
    id: string;
    clinic_id: string;
    user_id: string;
    patient_id: string | null;
    kind: string;
    message: string;
    dedupe_key: string;
    not_before: number;
    created_at: number;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('push_notifications')
    .values({ ...row, status: 'queued', done_at: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function dueNotifications(db: Db, now: number, limit: number) {
  return db
    .selectFrom('push_notifications')
    .selectAll()
    .where('status', '=', 'queued')
    .where('not_before', '<=', now)
    .orderBy('not_before')
    .limit(limit)
    .execute();
}

export async function finishNotification(db: Db, id: string, status: 'sent' | 'cancelled', now: number) {
  await db
    .updateTable('push_notifications')
    .set({ status, done_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function notificationsOf(db: Db, clinicId: string, userId: string) {
  return db
    .selectFrom('push_notifications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function deliveriesOf(db: Db, notificationId: string) {
  return db.selectFrom('push_deliveries').selectAll().where('notification_id', '=', notificationId).execute();
}

/**
 * Claims the send of one notification to one subscription before anything is sent: a new row ('sending'),
 * or a 'retry' row whose time has come (only the update that sees the same attempt count wins). A claimed
 * send that crashes is never sent again: a person may miss one reminder, never get it twice.
 */
export async function claimDelivery(
  db: Db,
  d: { notificationId: string; subscriptionId: string; clinicId: string; now: number },
): Promise<number | null> {
  const inserted = await db
    .insertInto('push_deliveries')
    .values({
      notification_id: d.notificationId,
      subscription_id: d.subscriptionId,
      clinic_id: d.clinicId,
      status: 'sending',
      attempts: 1,
      next_attempt_at: null,
      last_status: null,
      updated_at: d.now,
    })
    .onConflict((oc) => oc.columns(['notification_id', 'subscription_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return 1;
  const row = await db
    .selectFrom('push_deliveries')
    .select(['status', 'attempts', 'next_attempt_at'])
    .where('notification_id', '=', d.notificationId)
    .where('subscription_id', '=', d.subscriptionId)
    .executeTakeFirst();
  if (row?.status !== 'retry' || (row.next_attempt_at ?? 0) > d.now) return null;
  const r = await db
    .updateTable('push_deliveries')
    .set({ status: 'sending', attempts: row.attempts + 1, updated_at: d.now })
    .where('notification_id', '=', d.notificationId)
    .where('subscription_id', '=', d.subscriptionId)
    .where('status', '=', 'retry')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? row.attempts + 1 : null;
}

export async function recordDelivery(
  db: Db,
  key: { notificationId: string; subscriptionId: string },
  outcome: Pick<PushDeliveryTable, 'status' | 'next_attempt_at' | 'last_status' | 'updated_at'>,
) {
  await db
    .updateTable('push_deliveries')
    .set(outcome)
    .where('notification_id', '=', key.notificationId)
    .where('subscription_id', '=', key.subscriptionId)
    .execute();
}
