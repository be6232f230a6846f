import type { Database, Db } from '../../db/database.js';
import { lockAuditChain } from '../../db/portable.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Actor } from '../auth/actor.js';
import { GENESIS_HASH, hashAuditEvent } from './audit-chain.js';
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

export function createAuditLog(database: Database, clock: Clock): AuditLog {
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
      await repo.insertEvent(trx, { ...row, hash: hashAuditEvent(row) });
    },
  };
  return log;
}

export type ChainReport =
  | { ok: true; clinics: number; events: number }
  | { ok: false; clinicId: string; seq: number; reason: string; events: number };

/** Walks every clinic's chain and reports the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let events = 0;
  const clinics = await repo.clinicIdsWithEvents(db);
  for (const clinicId of clinics) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await repo.eventsAfter(db, clinicId, expectedSeq - 1, 1000);
      if (page.length === 0) break;
      for (const row of page) {
        events++;
        const seq = row.seq;
        if (seq !== expectedSeq)
          return { ok: false, clinicId, seq: expectedSeq, reason: 'event missing from the chain', events };
        if (row.prev_hash !== prevHash)
          return { ok: false, clinicId, seq, reason: 'previous-hash link does not match', events };
        const { hash, ...rest } = row;
        if (hashAuditEvent(rest) !== hash)
          return { ok: false, clinicId, seq, reason: 'event content was changed', events };
        prevHash = hash;
        expectedSeq++;
      }
    }
  }
  return { ok: true, clinics: clinics.length, events };
}
