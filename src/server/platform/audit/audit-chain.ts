import { createHash } from 'node:crypto';
import type { AuditRow } from './audit.repository.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The SHA-256 of an event's own content chained to the previous event's hash. Field order is fixed. */
export function hashAuditEvent(row: Omit<AuditRow, 'hash'>): string {
  const content = JSON.stringify([
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
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}
