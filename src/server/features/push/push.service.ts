import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type {
  PushPreferences,
  PushPreferencesInput,
  PushSubscriptionInput,
  PushSubscriptionView,
} from '../../../shared/push/api.js';
import { pushKinds } from '../../../shared/push/kinds.js';
import * as repo from './push.repository.js';
import { availableKinds, defaultPreferences, preferencesOf } from './preferences.js';
import { serverKeys } from './server-keys.js';

// Push choices and subscriptions belong to the account (patients and clinicians alike): each person reads
// and changes only their own; they hold no clinical data. Changes are audited as account events.

/** The account event of a change, in the change's own transaction. */
async function audit(deps: AppDeps, trx: Db, actor: Actor, action: string, resourceId: string | null) {
  await deps.audit.record(trx, actor.clinicId, actor, {
    action,
    resourceType: action === 'push.preferences_update' ? 'push_preferences' : 'push_subscription',
    resourceId,
    patientId: null,
    outcome: 'allowed',
  });
}

export async function publicKey(deps: AppDeps): Promise<{ publicKey: string }> {
  return { publicKey: (await serverKeys(deps)).publicKey };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Push services are https. Plain http is accepted only for a loopback push service while Duet itself runs on a
 * local http address (development and the browser journeys' test push service), never in a deployment.
 */
function checkEndpoint(deps: AppDeps, endpoint: string): void {
  const url = new URL(endpoint);
  if (url.protocol === 'https:') return;
  const localServer = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(deps.config.publicUrl);
  if (localServer && loopbackHosts.has(url.hostname)) return;
  throw new AppError('validation_failed', 'This push service address is not accepted.', [
    { path: 'body.endpoint', message: 'A push service address must start with https://.' },
  ]);
}

function viewOf(row: Awaited<ReturnType<typeof repo.subscriptionsOf>>[number]): PushSubscriptionView {
  return {
    id: row.id,
    endpoint: row.endpoint,
    endpointOrigin: new URL(row.endpoint).origin,
    deviceLabel: row.device_label,
    createdAt: row.created_at,
    lastSentAt: row.last_sent_at,
  };
}

export async function listSubscriptions(deps: AppDeps, actor: Actor) {
  const rows = await repo.subscriptionsOf(deps.database.db, actor.clinicId, [actor.userId]);
  return { subscriptions: rows.map(viewOf) };
}

/** Saves this browser's subscription for the signed-in account (201 new, 200 the same browser again). */
export async function subscribe(
  deps: AppDeps,
  actor: Actor,
  input: PushSubscriptionInput,
): Promise<{ subscription: PushSubscriptionView; created: boolean }> {
  checkEndpoint(deps, input.endpoint);
  const id = newId();
  return deps.database.transaction(async (trx) => {
    const savedId = await repo.upsertSubscription(trx, {
      id,
      clinic_id: actor.clinicId,
      user_id: actor.userId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      device_label: input.deviceLabel === undefined || input.deviceLabel === '' ? null : input.deviceLabel,
      created_at: deps.clock.now(),
    });
    await audit(deps, trx, actor, 'push.subscribe', savedId);
    const row = await repo.subscriptionById(trx, savedId);
    if (!row) throw notFound('Subscription');
    return { subscription: viewOf(row), created: savedId === id };
  });
}

export async function unsubscribe(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.transaction(async (trx) => {
    const removed = await repo.deleteSubscription(trx, actor.clinicId, actor.userId, id);
    if (!removed) throw notFound('Subscription');
    await audit(deps, trx, actor, 'push.unsubscribe', id);
  });
}

export async function getPreferences(
  deps: AppDeps,
  actor: Actor,
  deviceZone: string,
  db: Db = deps.database.db,
): Promise<PushPreferences> {
  const [row] = await repo.readPreferences(db, actor.clinicId, [actor.userId]);
  return row ? preferencesOf(row, actor.role) : defaultPreferences(actor.role, deviceZone);
}

/** Saves the choices with If-Match (version 0 before the first save); a kind the role cannot have is refused. */
export async function putPreferences(
  deps: AppDeps,
  actor: Actor,
  expectedVersion: number,
  input: PushPreferencesInput,
): Promise<PushPreferences> {
  const allowed = new Set<string>(availableKinds(actor.role));
  const refused = pushKinds.filter((k) => input[k] && !allowed.has(k));
  if (refused.length > 0)
    throw new AppError(
      'validation_failed',
      'Some notifications are not available to your account.',
      refused.map((k) => ({ path: `body.${k}`, message: 'Not available to your account.' })),
    );
  const { saved, current } = await deps.database.transaction(async (trx) => {
    const ok = await repo.savePreferences(
      trx,
      {
        user_id: actor.userId,
        clinic_id: actor.clinicId,
        doses: input.doses ? 1 : 0,
        questionnaires: input.questionnaires ? 1 : 0,
        appointments: input.appointments ? 1 : 0,
        replies: input.replies ? 1 : 0,
        urgent_alerts: input.urgentAlerts ? 1 : 0,
        quiet_start: input.quietHours?.start ?? null,
        quiet_end: input.quietHours?.end ?? null,
        time_zone: input.timeZone,
        updated_at: deps.clock.now(),
      },
      expectedVersion,
    );
    if (ok) await audit(deps, trx, actor, 'push.preferences_update', null);
    return { saved: ok, current: await getPreferences(deps, actor, input.timeZone, trx) };
  });
  if (!saved)
    throw new AppError(
      'precondition_failed',
      'Your notification choices changed meanwhile. Check them and try again.',
      {
        current,
      },
    );
  return current;
}
