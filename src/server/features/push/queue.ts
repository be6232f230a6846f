import type { Db } from '../../db/database.js';
import type { AppDeps, PushRequester } from '../../platform/deps.js';
import type { Clock } from '../../platform/clock.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { newId } from '../../platform/ids.js';
import type { DomainEvent } from '../../../shared/alerts/events.js';
import { deliverableAt } from '../../../shared/push/quiet-hours.js';
import { kindOf } from '../../../shared/push/texts.js';
import * as repo from './push.repository.js';
import { quietHoursOf, wants } from './preferences.js';

/** The accounts among `userIds` that chose this kind and have a subscription. */
async function wantingAccounts(
  trx: Db,
  clinicId: string,
  userIds: readonly string[],
  kind: Parameters<typeof wants>[1],
) {
  const unique = [...new Set(userIds)];
  const prefs = (await repo.readPreferences(trx, clinicId, unique)).filter((p) => wants(p, kind));
  if (prefs.length === 0) return [];
  const subscribed = new Set(
    (
      await repo.subscriptionsOf(
        trx,
        clinicId,
        prefs.map((p) => p.user_id),
      )
    ).map((s) => s.user_id),
  );
  return prefs.filter((p) => subscribed.has(p.user_id)).map((p) => p.user_id);
}

/**
 * The push feature's side of deps.requestPush: in the caller's transaction, one `push.requested` outbox event
 * for the accounts that want this kind (none when nobody does, so nothing changes for people without push).
 */
export function pushRequester(clock: Clock): PushRequester {
  return async (trx, request) => {
    const userIds = await wantingAccounts(trx, request.clinicId, request.userIds, kindOf(request.message));
    if (userIds.length === 0) return;
    await emitEvent(trx, clock, {
      type: 'push.requested',
      clinicId: request.clinicId,
      patientId: request.patientId,
      payload: { userIds, message: request.message, notBefore: request.notBefore ?? null },
      ...(request.dedupeKey === undefined ? {} : { dedupeKey: request.dedupeKey }),
    });
  };
}

/**
 * Run by the outbox worker for every event (deps.onOutboxEvent): a `push.requested` becomes one queued
 * notification per account that still wants it, in the delivery transaction. The dedupe key (event + account)
 * makes a replayed delivery harmless. Quiet hours move the notification to their end; clinicians' urgent
 * alerts are the one kind that does not wait (product policy, docs/notifications.md).
 */
export async function queuePushFromEvent(trx: Db, deps: AppDeps, event: DomainEvent): Promise<void> {
  if (event.type !== 'push.requested') return;
  const payload = event.payload as DomainEvent<'push.requested'>['payload'];
  const kind = kindOf(payload.message);
  const base = Math.max(payload.notBefore ?? 0, event.createdAt);
  const prefs = await repo.readPreferences(trx, event.clinicId, payload.userIds);
  for (const p of prefs) {
    if (!wants(p, kind)) continue;
    const notBefore = kind === 'urgentAlerts' ? base : deliverableAt(base, quietHoursOf(p));
    await repo.insertNotification(trx, {
      id: newId(),
      clinic_id: event.clinicId,
      user_id: p.user_id,
      patient_id: event.patientId,
      kind,
      message: JSON.stringify(payload.message),
      dedupe_key: `${event.id}:${p.user_id}`,
      not_before: notBefore,
      created_at: deps.clock.now(),
    });
  }
}
