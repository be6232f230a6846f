import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { eventPayloadSchemas, type EventPayload, type EventType } from '../../../shared/alerts/events.js';
import { insertEvent, supersedePending } from './outbox.repository.js';

/**
 * Writes a domain event to the outbox inside the caller's transaction, so the event exists exactly when
 * the fact that caused it does. `dedupeKey` makes emitting idempotent (scheduled checks use it:
 * "review due for plan version X" is emitted once however often the check runs).
 */
export async function emitEvent<T extends EventType>(
  trx: Db,
  clock: Clock,
  event: {
    type: T;
    clinicId: string;
    patientId: string | null;
    payload: EventPayload<T>;
    dedupeKey?: string;
  },
): Promise<string> {
  const payload = eventPayloadSchemas[event.type].parse(event.payload);
  const id = newId();
  await insertEvent(trx, {
    id,
    clinic_id: event.clinicId,
    patient_id: event.patientId,
    type: event.type,
    payload: JSON.stringify(payload),
    dedupe_key: event.dedupeKey ?? null,
    created_at: clock.now(),
    processed_at: null,
    attempts: 0,
    last_error: null,
  });
  return id;
}

/**
 * Withdraws the caller's still-pending events whose dedupe key starts with `dedupeKeyPrefix`, in the caller's
 * transaction: the fact they announced is already out of date (a signature request for a plan version that
 * has just been signed), so a late delivery cannot raise an alert about it. On PostgreSQL the update waits for
 * a worker that is delivering one of them right now, so an alert it raised is visible to the caller's
 * resolve step that follows.
 */
export async function supersedePendingEvents(
  trx: Db,
  clock: Clock,
  opts: { clinicId: string; dedupeKeyPrefix: string },
): Promise<void> {
  await supersedePending(trx, opts.clinicId, opts.dedupeKeyPrefix, clock.now());
}
