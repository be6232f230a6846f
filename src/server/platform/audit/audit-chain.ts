import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { AuditRow } from './audit.repository.js';
import type { AuditKey } from './audit-keys.js';

export const GENESIS_HASH = '0'.repeat(64);

type EventContent = Omit<AuditRow, 'hash' | 'hash_key_id' | 'patient_count'>;

// An event that names one patient (or none): its 11 columns below, as since issue 13 (events written before
// migration 052 are all such). Content and HMAC of these are unchanged.
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

/**
 * The patients one list event showed (issue 19, migration 052): `count` is the event's `patient_count` column,
 * `patientIds` its rows of `audit_event_patients`, each once, in the order `canonicalPatientIds` gives (the side
 * table returns them in its own order; the HMAC must not depend on it).
 */
export interface ListedPatients {
  count: number;
  patientIds: readonly string[];
}

/** Each id once, ordered by UTF-16 code units (plain `sort()`): the same on every engine and collation. */
export function canonicalPatientIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

// Verification (audit-verify.ts) reads events as arrays and encodes them without an object per event.

/** One event's content exactly as `content()` writes it, from the columns verification reads (see RawEvent). */
export function contentOfColumns(
  clinicId: string,
  seq: number,
  id: string,
  at: number,
  actorId: string | null,
  actorRole: string | null,
  patientId: string | null,
  action: string,
  resourceType: string,
  resourceId: string | null,
  outcome: string,
  list: ListedPatients | null = null,
): string {
  // One JSON.stringify of the array, as content() does: faster than quoting field by field.
  const columns: unknown[] = [
    clinicId,
    seq,
    id,
    at,
    actorId,
    actorRole,
    patientId,
    action,
    resourceType,
    resourceId,
    outcome,
  ];
  // A list event (migration 052): the same 11 columns, then its count and the ids of the patients it showed.
  if (list !== null) columns.push(list.count, list.patientIds);
  return JSON.stringify(columns);
}

const keyObjects = new WeakMap<AuditKey, KeyObject>();

/** The HMAC of already encoded content, with the key imported once (not once per event). */
export function macOfContent(key: AuditKey, prevHash: string, text: string): string {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key.secret);
    keyObjects.set(key, keyObject);
  }
  // One update of the joined text: the same bytes as three updates, two fewer calls into the native side.
  return createHmac('sha256', keyObject)
    .update(prevHash + '\n' + text)
    .digest('hex');
}

/** The plain SHA-256 chain hash of already encoded content (events before keyed hashing). */
export function hashOfContent(prevHash: string, text: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(text).digest('hex');
}
