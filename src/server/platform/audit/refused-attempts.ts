import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import { emitEvent } from '../outbox/emit.js';
import { REFUSED_ATTEMPTS_WINDOW_MS, decideRefusal } from '../../../shared/audit/refused-attempts.js';
import { refusalsOfActorSince } from './audit.repository.js';
import * as repo from './refused-attempts.repository.js';

/**
 * After a refused attempt was written to the audit trail (same transaction, under the clinic's chain lock, so
 * two refusals never both start a burst): counts the account's refusals of the last ten minutes and, when they
 * start a new burst (shared/audit/refused-attempts.ts), emits one `security.refused_attempts` event for the
 * clinic's admins. Later refusals of the same burst only extend it.
 */
export async function noteRefusal(
  trx: Db,
  clock: Clock,
  clinicId: string,
  actor: Actor,
  at: number,
): Promise<void> {
  const burst = await repo.latestBurstOf(trx, clinicId, actor.userId);
  const recent = await refusalsOfActorSince(trx, clinicId, actor.userId, at - REFUSED_ATTEMPTS_WINDOW_MS);
  const decision = decideRefusal(recent.n, burst?.last_refusal_at ?? null, at);
  if (decision === 'below_threshold') return;
  if (decision === 'same_burst' && burst) {
    await repo.extendBurst(trx, clinicId, burst.id, at);
    return;
  }
  await repo.startBurst(trx, {
    id: newId(),
    clinic_id: clinicId,
    actor_id: actor.userId,
    started_at: recent.first ?? at,
    last_refusal_at: at,
  });
  await emitEvent(trx, clock, {
    type: 'security.refused_attempts',
    clinicId,
    patientId: null,
    payload: {
      actorId: actor.userId,
      actorName: (await repo.accountName(trx, clinicId, actor.userId)) ?? 'An account no longer in Duet',
      actorRole: actor.role,
      refusals: recent.n,
      windowMinutes: REFUSED_ATTEMPTS_WINDOW_MS / 60_000,
      firstAt: recent.first ?? at,
      lastAt: at,
    },
  });
}
