import type { Database, Db } from '../../db/database.js';
import { lockAuditChain } from '../../db/portable.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Actor } from '../auth/actor.js';
import { GENESIS_HASH, hashAuditEvent, macAuditEvent } from './audit-chain.js';
import { checkpointIsGenuine, type Checkpoint } from './audit-checkpoint.js';
import type { AuditKeyRing } from './audit-keys.js';
import * as repo from './audit.repository.js';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  outcome: 'allowed' | 'denied';
}

export interface AuditLog {
  /** Appends one event to the clinic's chain inside the caller's transaction. */
  record(trx: Db, clinicId: string, actor: Actor | null, entry: AuditEntry): Promise<void>;
  /**
   * Records a read that wrote nothing else, in its own transaction, and resolves once it is committed (the
   * caller answers only then). Reads arriving while a commit is under way are committed together in the
   * next one: the same durability for each, one disk flush for many under load.
   */
  recordRead(clinicId: string, actor: Actor | null, entry: AuditEntry): Promise<void>;
}

interface QueuedRead {
  clinicId: string;
  actor: Actor | null;
  entry: AuditEntry;
  done: (err?: Error) => void;
}

export function createAuditLog(database: Database, clock: Clock, keys: AuditKeyRing): AuditLog {
  let queued: QueuedRead[] = [];
  let committing = false;
  async function commitQueuedReads(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        // Clinics in one order, so two instances' batches never wait on each other's chain locks.
        const ordered = [...batch].sort((a, b) =>
          a.clinicId < b.clinicId ? -1 : a.clinicId > b.clinicId ? 1 : 0,
        );
        await database.transaction(async (trx) => {
          for (const q of ordered) await log.record(trx, q.clinicId, q.actor, q.entry);
        });
        for (const q of batch) q.done();
      } catch (err) {
        const failure = err instanceof Error ? err : new Error(String(err));
        for (const q of batch) q.done(failure);
      }
    }
    committing = false;
  }
  const log: AuditLog = {
    recordRead(clinicId, actor, entry) {
      return new Promise<void>((resolve, reject) => {
        queued.push({ clinicId, actor, entry, done: (err) => (err === undefined ? resolve() : reject(err)) });
        // Start on the next turn of the event loop: reads finishing in this turn join the same commit.
        if (!committing) {
          committing = true;
          setImmediate(() => void commitQueuedReads());
        }
      });
    },
    async record(trx, clinicId, actor, entry) {
      await lockAuditChain(trx, database.engine, clinicId);
      const last = await repo.lastEventOfClinic(trx, clinicId);
      const row = {
        clinic_id: clinicId,
        seq: last ? last.seq + 1 : 1,
        id: newId(),
        at: clock.now(),
        actor_id: actor?.userId ?? null,
        actor_role: actor?.role ?? null,
        patient_id: entry.patientId,
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        outcome: entry.outcome,
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      await repo.insertEvent(trx, {
        ...row,
        hash: macAuditEvent(keys.current, row),
        hash_key_id: keys.current.id,
      });
    },
  };
  return log;
}

export type ChainReport =
  | {
      ok: true;
      clinics: number;
      events: number;
      /** Events written before keyed hashing, verified by their plain SHA-256 only. */
      beforeKeyedHashing: number;
      /** When the checkpoint the chains were checked against was written (null: none yet). */
      checkpointAt: number | null;
    }
  | { ok: false; clinicId: string; seq: number; reason: string; events: number };

const PAGE = 20_000;

function when(at: number): string {
  return new Date(at).toISOString();
}

/**
 * Walks every clinic's chain (and every clinic the checkpoint names) and reports the first bad event: a missing
 * or reordered event, a broken link, content or an HMAC that does not match the key, an unkeyed event after
 * keyed hashing began, a chain that differs from or is shorter than the checkpoint, a deleted clinic chain.
 */
export async function verifyAuditChain(
  db: Db,
  keys: AuditKeyRing,
  checkpoint: Checkpoint | null = null,
): Promise<ChainReport> {
  let events = 0;
  let beforeKeyedHashing = 0;
  if (checkpoint && !checkpointIsGenuine(keys, checkpoint))
    return {
      ok: false,
      clinicId: '(checkpoint)',
      seq: 0,
      reason: 'the checkpoint is not signed by our key',
      events,
    };
  const heads = new Map((checkpoint?.heads ?? []).map((h) => [h.clinicId, h]));
  const clinics = [...new Set([...(await repo.clinicIdsWithEvents(db)), ...heads.keys()])].sort();
  for (const clinicId of clinics) {
    const head = heads.get(clinicId);
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let keyed = false;
    for (;;) {
      const page = await repo.eventsAfter(db, clinicId, expectedSeq - 1, PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        events++;
        const seq = row.seq;
        const bad = (reason: string): ChainReport => ({ ok: false, clinicId, seq, reason, events });
        if (seq !== expectedSeq)
          return { ok: false, clinicId, seq: expectedSeq, reason: 'event missing from the chain', events };
        if (row.prev_hash !== prevHash)
          return bad('previous-hash link does not match (removed or reordered)');
        // The row itself is the content (the hash functions read only the content fields): no copy per event.
        const { hash, hash_key_id } = row;
        const rest = row;
        if (hash_key_id === null) {
          if (keyed) return bad('event without HMAC after keyed hashing began (forged or downgraded)');
          if (head?.keyedFrom != null && seq >= head.keyedFrom)
            return bad('event without HMAC where the checkpoint recorded keyed events (rewritten)');
          if (checkpoint && (!head || seq > head.seq))
            return bad('event without HMAC written after a checkpoint (forged)');
          if (hashAuditEvent(rest) !== hash) return bad('event content was changed');
          beforeKeyedHashing++;
        } else {
          keyed = true;
          const key = keys.byId.get(hash_key_id);
          if (!key) return bad(`event signed with an unknown key (${hash_key_id})`);
          if (macAuditEvent(key, rest) !== hash) return bad('HMAC does not match: event changed or forged');
        }
        if (head && seq === head.seq && hash !== head.hash)
          return bad(`chain differs from the checkpoint of ${when(checkpoint?.at ?? 0)} (rewritten)`);
        prevHash = hash;
        expectedSeq++;
      }
    }
    if (head && expectedSeq - 1 < head.seq)
      return {
        ok: false,
        clinicId,
        seq: expectedSeq,
        reason:
          expectedSeq === 1
            ? `the clinic's whole chain is gone; the checkpoint of ${when(checkpoint?.at ?? 0)} counted ${String(head.seq)} events`
            : `events missing from the end: the checkpoint of ${when(checkpoint?.at ?? 0)} counted ${String(head.seq)}, the chain has ${String(expectedSeq - 1)}`,
        events,
      };
  }
  return {
    ok: true,
    clinics: clinics.length,
    events,
    beforeKeyedHashing,
    checkpointAt: checkpoint?.at ?? null,
  };
}
