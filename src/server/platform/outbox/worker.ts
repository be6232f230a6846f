import type { AppDeps } from '../deps.js';
import { claimOldestPendingEvent } from '../../db/portable.js';
import { eventPayloadSchemas, type DomainEvent, type EventType } from '../../../shared/alerts/events.js';
import { alertRules } from '../../../shared/alerts/rules/index.js';
import type { AlertRule } from '../../../shared/alerts/rules/rule.js';
import type { OutboxRow } from './outbox.repository.js';
import * as outbox from './outbox.repository.js';
import { inFreshScope } from '../request-scope.js';
import { backgroundUnit, yieldToEventLoop } from '../single-flight.js';

const MAX_ATTEMPTS = 5;

function rowToEvent(row: OutboxRow): DomainEvent {
  const type = row.type as EventType;
  const schema = eventPayloadSchemas[type] as (typeof eventPayloadSchemas)[EventType] | undefined;
  if (!schema) throw new Error(`unknown event type ${row.type}`);
  return {
    id: row.id,
    type,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    payload: schema.parse(JSON.parse(row.payload)),
    createdAt: row.created_at,
  };
}

/**
 * Delivers one pending event: claims it, applies every rule listening to its type, has the alerts feature store the alerts (deps.raiseAlert) and
 * marks the event processed, all in one transaction. A crash anywhere before the commit leaves the event
 * pending for the next run; the alerts' idempotency keys make a replay harmless. Returns false when the
 * queue is empty.
 */
export async function deliverOneEvent(
  deps: AppDeps,
  rules: readonly AlertRule[] = alertRules,
): Promise<boolean> {
  let failed: { id: string; error: string } | null = null;
  const delivered = await deps.database
    .transaction(async (trx) => {
      const row = await claimOldestPendingEvent(trx, deps.database.engine, MAX_ATTEMPTS);
      if (!row) return false;
      try {
        const event = rowToEvent(row);
        for (const rule of rules.filter((r) => r.on === event.type)) {
          const specs = rule.evaluate(event);
          for (const [i, spec] of specs.entries())
            await deps.raiseAlert(trx, deps, event, spec, `${rule.name}:${event.id}:${String(i)}`);
        }
        await deps.onOutboxEvent(trx, deps, event);
        await outbox.markProcessed(trx, row.id, deps.clock.now());
      } catch (err) {
        // Keep the queue moving: count the failure after this transaction rolls back; after 5 tries the
        // event stays in the table (with its last error) for someone to look at.
        failed = { id: row.id, error: err instanceof Error ? err.message : 'delivery failed' };
        throw err;
      }
      return true;
    })
    .catch(async (err: unknown) => {
      if (!failed) throw err;
      await outbox.markFailed(deps.database.db, failed.id, failed.error);
      return true;
    });
  return delivered;
}

/**
 * Delivers pending events until the queue is empty, `max` were handled or `stopRequested()` says so; each
 * event in a fresh scope (issue 18) and its own transaction, one after another, so a run holds at most one
 * database connection and a stop hands the rest back as pending. The event loop gets a turn between
 * events (issue 19): a backlog never stalls the requests being answered meanwhile.
 */
export async function deliverPendingEvents(
  deps: AppDeps,
  max = 500,
  rules: readonly AlertRule[] = alertRules,
  stopRequested: () => boolean = () => false,
): Promise<number> {
  let n = 0;
  const deliverOne = () =>
    backgroundUnit('outbox delivery', () => inFreshScope(() => deliverOneEvent(deps, rules)));
  while (n < max && !stopRequested() && (await deliverOne())) {
    n++;
    await yieldToEventLoop();
  }
  return n;
}
