import { createHash, createHmac } from 'node:crypto';
import type { AuditRow } from './audit.repository.js';
import type { AuditKey } from './audit-keys.js';

export const GENESIS_HASH = '0'.repeat(64);

type EventContent = Omit<AuditRow, 'hash' | 'hash_key_id'>;

function content(row: EventContent): string {
  return JSON.stringify([
    row.clinic_id,
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.actor_role,
    row.patient_id,
    row.action,
    row.resource_type,
    row.resource_id,
    row.outcome,
  ]);
}

/** Before keyed hashing: the SHA-256 of an event's own content chained to the previous hash. Field order is fixed. */
export function hashAuditEvent(row: EventContent): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(content(row)).digest('hex');
}

/** The keyed chain hash: HMAC-SHA-256 over the same bytes, so nobody without the key can recompute a chain. */
export function macAuditEvent(key: AuditKey, row: EventContent): string {
  return createHmac('sha256', key.secret)
    .update(row.prev_hash)
    .update('\n')
    .update(content(row))
    .digest('hex');
}
