import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { eventPayloadSchemas, type EventPayload, type EventType } from '../../../shared/alerts/events.js';
import { insertEvent } from './outbox.repository.js';

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
