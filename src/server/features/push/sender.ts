import type { AppDeps } from '../../platform/deps.js';
import { parseDoseKey } from '../../../shared/doses/rules.js';
import { pushMessageSchema, pushPayloadFor, type PushMessage } from '../../../shared/push/texts.js';
import { loggedDoseKeys } from '../doses/index.js';
import * as repo from './push.repository.js';
import { serverKeys } from './server-keys.js';
import { sendPush, type PushOutcome } from './web-push-send.js';
import { yieldToEventLoop } from '../../platform/single-flight.js';

/** A send that failed for a passing reason (429, 5xx, no answer) is tried again at most this many times in all. */
export const MAX_PUSH_ATTEMPTS = 5;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 3_600_000;

/** Back-off after a passing failure: 1, 2, 4, 8 minutes … at most an hour, or the push service's Retry-After. */
export function retryDelayMs(attempts: number, retryAfterMs: number | null): number {
  const exponential = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, LONGEST_RETRY_MS));
}

type Verdict = 'sent' | 'gone' | 'retry' | 'failed';

/** RFC 8030: 201 accepted; 404/410 the subscription is gone; 429 and 5xx (and no answer) are passing. */
export function verdictOf(outcome: PushOutcome, attempts: number): Verdict {
  const s = outcome.status;
  if (s >= 200 && s < 300) return 'sent';
  if (s === 404 || s === 410) return 'gone';
  if (s === 0 || s === 429 || s >= 500) return attempts >= MAX_PUSH_ATTEMPTS ? 'failed' : 'retry';
  return 'failed';
}

/** A dose reminder is cancelled once the dose is logged, from any device, before it goes. */
async function alreadyLogged(
  deps: AppDeps,
  clinicId: string,
  patientId: string | null,
  message: PushMessage,
) {
  if (message.kind !== 'doses' || patientId === null) return false;
  const day = parseDoseKey(message.doseKey)?.localDate;
  if (day === undefined) return false;
  const logged = await loggedDoseKeys(deps.database.db, clinicId, [patientId], day);
  return logged.has(message.doseKey);
}

/**
 * Sends the queued notifications whose time has come, to each of the account's subscriptions. Each send is
 * claimed in the database first (push.repository.ts claimDelivery), so a rerun, a retried outbox delivery or
 * a second instance never sends one notification twice to one browser. 404/410 deletes the subscription;
 * 429/5xx back off and retry; a notification is done when none of its sends waits for a retry.
 * Runs outside any transaction: no database lock is held while a push service answers; a run stops taking new
 * notifications after `budgetMs`, so the background runner soon returns to the outbox.
 */
export async function sendDuePushes(deps: AppDeps, limit = 100, budgetMs = 5_000): Promise<number> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const due = await repo.dueNotifications(db, now, limit);
  if (due.length === 0) return 0;
  const keys = await serverKeys(deps);
  let sent = 0;
  for (const [i, n] of due.entries()) {
    // A slow push service must not hold up the outbox (alerts) for long: the rest goes on the next tick.
    if (deps.clock.now() - now > budgetMs) break;
    // Issue 19: a turn for the event loop between notifications (one with no subscription is only writes).
    if (i > 0) await yieldToEventLoop();
    const message = pushMessageSchema.parse(JSON.parse(n.message));
    if (await alreadyLogged(deps, n.clinic_id, n.patient_id, message)) {
      await repo.finishNotification(db, n.id, 'cancelled', now);
      continue;
    }
    const payload = pushPayloadFor(message);
    const urgency = message.kind === 'urgentAlerts' ? 'high' : 'normal';
    for (const sub of await repo.subscriptionsOf(db, n.clinic_id, [n.user_id])) {
      const key = { notificationId: n.id, subscriptionId: sub.id };
      const attempts = await repo.claimDelivery(db, { ...key, clinicId: n.clinic_id, now });
      if (attempts === null) continue;
      const outcome = await sendPush(sub, payload, keys, urgency);
      const verdict = verdictOf(outcome, attempts);
      const at = deps.clock.now();
      await repo.recordDelivery(db, key, {
        status: verdict,
        next_attempt_at: verdict === 'retry' ? at + retryDelayMs(attempts, outcome.retryAfterMs) : null,
        last_status: outcome.status,
        updated_at: at,
      });
      if (verdict === 'sent') {
        sent++;
        await repo.markSubscriptionSent(db, sub.id, at);
      }
      if (verdict === 'gone') await repo.deleteGoneSubscription(db, sub.id);
    }
    const waiting = (await repo.deliveriesOf(db, n.id)).some((d) => d.status === 'retry');
    if (!waiting) await repo.finishNotification(db, n.id, 'sent', deps.clock.now());
  }
  return sent;
}
