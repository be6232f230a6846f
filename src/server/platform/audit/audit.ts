import type { Database, Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Actor } from '../auth/actor.js';
import { GENESIS_HASH, canonicalPatientIds, contentOfColumns, macOfContent } from './audit-chain.js';
import type { AuditKeyRing } from './audit-keys.js';
import * as repo from './audit.repository.js';
import { noteRefusal } from './refused-attempts.js';
import { createListDayMemory } from './list-day-memory.js';
import { DAY_MS } from '../../db/migrations/054-event-first-list-patients.js';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  outcome: 'allowed' | 'denied';
}

/**
 * A read that showed a list of patients (caseload, registry, inbox, worklist): recorded as ONE event naming no
 * single patient, with the patients shown in `audit_list_patients` keyed event first (issue 19, migrations 052,
 * 054; a per (patient, actor, day) index written once a day lets each patient's report find it). Each still appears
 * in that patient's access report; the event's HMAC covers the list (each id once, in canonical order).
 */
export interface AuditListEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientIds: readonly string[];
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
  /**
   * Several events of one request in one go (e.g. a FHIR search's resources, each naming its patient), through
   * the same shared commit as `recordRead`. A list of patients is `recordListRead`: one event, not one each.
   */
  recordReads(clinicId: string, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void>;
  /**
   * A list read (allowed): one event and its patients' side rows, through the same shared commit as
   * `recordRead` (an empty list is one event with a count of 0).
   */
  recordListRead(clinicId: string, actor: Actor | null, list: AuditListEntry): Promise<void>;
  /** The same list event inside the caller's transaction (a FHIR transaction bundle's reads). */
  recordList(trx: Db, clinicId: string, actor: Actor | null, list: AuditListEntry): Promise<void>;
  /** Appends several events to the clinic's chain inside the caller's transaction (one lock, one insert). */
  recordMany(trx: Db, clinicId: string, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void>;
}

interface ChainItem {
  actor: Actor | null;
  entry: AuditEntry;
  /** A list event's patients (migration 052); null: an event naming one patient or none. */
  patients: readonly string[] | null;
}

/** Day-index rows an append wrote (migration 054), remembered once their transaction has committed. */
interface WrittenDays {
  clinicId: string;
  day: number;
  byActor: [string, string[]][];
}

interface QueuedRead {
  clinicId: string;
  items: readonly ChainItem[];
  done: (err?: Error) => void;
}

export function createAuditLog(database: Database, clock: Clock, keys: AuditKeyRing): AuditLog {
  let queued: QueuedRead[] = [];
  let committing = false;
  const listDays = createListDayMemory();
  /** One transaction for these reads: every chain they touch is locked in one clinic order. */
  async function commitTogether(reads: readonly QueuedRead[]): Promise<void> {
    // Clinics in one order, so two instances' batches never wait on each other's chain locks.
    const ordered = [...reads].sort((a, b) =>
      a.clinicId < b.clinicId ? -1 : a.clinicId > b.clinicId ? 1 : 0,
    );
    const written: WrittenDays[] = [];
    // Durable before the reads answer; on SQLite the flush runs off the main thread (db/database.ts).
    await database.durableTransaction(async (trx) => {
      // One lock, one read of the chain's end and one insert per clinic, whatever the number of reads.
      let i = 0;
      while (i < ordered.length) {
        const clinicId = ordered[i]?.clinicId ?? '';
        const items: ChainItem[] = [];
        for (; i < ordered.length && ordered[i]?.clinicId === clinicId; i++) {
          const q = ordered[i];
          if (q) items.push(...q.items);
        }
        await append(trx, clinicId, items, written);
      }
    });
    // Committed: these pairs need no index row again today (a rolled-back one is never remembered).
    for (const w of written)
      for (const [actorId, patients] of w.byActor) listDays.remember(w.clinicId, actorId, w.day, patients);
  }
  async function commitQueuedReads(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await commitTogether(batch);
        for (const q of batch) q.done();
      } catch (err) {
        if (batch.length === 1) {
          batch[0]?.done(err instanceof Error ? err : new Error(String(err)));
          continue;
        }
        // One read's events could not be appended: the others must not answer an error for it. Each is
        // committed alone; only the read whose own append fails answers an error (and no data).
        for (const q of batch) {
          try {
            await commitTogether([q]);
            q.done();
          } catch (own) {
            q.done(own instanceof Error ? own : new Error(String(own)));
          }
        }
      }
    }
    committing = false;
  }
  const log: AuditLog = {
    recordRead(clinicId, actor, entry) {
      return log.recordReads(clinicId, actor, [entry]);
    },
    recordReads(clinicId, actor, entries) {
      return enqueue(
        clinicId,
        entries.map((entry) => ({ actor, entry, patients: null })),
      );
    },
    recordListRead(clinicId, actor, list) {
      return enqueue(clinicId, [listItem(actor, list)]);
    },
    recordList(trx, clinicId, actor, list) {
      return append(trx, clinicId, [listItem(actor, list)]);
    },
    record(trx, clinicId, actor, entry) {
      return log.recordMany(trx, clinicId, actor, [entry]);
    },
    async recordMany(trx, clinicId, actor, entries) {
      await append(
        trx,
        clinicId,
        entries.map((entry) => ({ actor, entry, patients: null })),
      );
    },
  };
  function listItem(actor: Actor | null, list: AuditListEntry): ChainItem {
    const entry: AuditEntry = {
      action: list.action,
      resourceType: list.resourceType,
      resourceId: list.resourceId,
      patientId: null,
      outcome: 'allowed',
    };
    return { actor, entry, patients: canonicalPatientIds(list.patientIds) };
  }
  function enqueue(clinicId: string, items: readonly ChainItem[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      queued.push({ clinicId, items, done: (err) => (err === undefined ? resolve() : reject(err)) });
      // Start on the next turn of the event loop: reads finishing in this turn join the same commit.
      if (!committing) {
        committing = true;
        setImmediate(() => void commitQueuedReads());
      }
    });
  }
  /**
   * Appends events, in order, to one clinic's chain inside the caller's transaction. Built in one pass
   * (issue 19: the caseload appends ~80 per read): each event's columns go straight into the statement's
   * bound values, its MAC is taken with the key imported once, over exactly the bytes `macAuditEvent` covers
   * (audit-chain.ts; the chain's format is unchanged and `audit:verify` checks it the same way).
   */
  async function append(
    trx: Db,
    clinicId: string,
    items: readonly ChainItem[],
    written: WrittenDays[] | null = null,
  ): Promise<void> {
    if (items.length === 0) return;
    // The chain's lock and its end: one round trip on PostgreSQL (migration 055), held until the commit.
    const last = await repo.lockedChainEnd(trx, database.engine, clinicId);
    const at = clock.now();
    const key = keys.current;
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const values: unknown[] = new Array<unknown>(items.length * repo.AUDIT_COLUMN_COUNT);
    let v = 0;
    // List events' patients, inserted once their events are (same transaction).
    // Migration 054: with an actor, keyed event first plus the (patient, actor, day) index rows not known yet;
    // without one (no such read today), 052's patient-first table (the day index needs an actor).
    const lists: { seq: number; patients: readonly string[] }[] = [];
    const eventFirst: { seq: number; patients: readonly string[] }[] = [];
    const day = Math.floor(at / DAY_MS);
    const newDays = new Map<string, Set<string>>();
    for (const { actor, entry, patients } of items) {
      seq++;
      const id = newId();
      const actorId = actor?.userId ?? null;
      const actorRole = actor?.role ?? null;
      const text = contentOfColumns(
        clinicId,
        seq,
        id,
        at,
        actorId,
        actorRole,
        entry.patientId,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        entry.outcome,
        patients === null ? null : { count: patients.length, patientIds: patients },
      );
      const hash = macOfContent(key, prevHash, text);
      // In the order of COLUMNS in audit.repository.ts.
      values[v++] = clinicId;
      values[v++] = seq;
      values[v++] = id;
      values[v++] = at;
      values[v++] = actorId;
      values[v++] = actorRole;
      values[v++] = entry.patientId;
      values[v++] = entry.action;
      values[v++] = entry.resourceType;
      values[v++] = entry.resourceId;
      values[v++] = entry.outcome;
      values[v++] = prevHash;
      values[v++] = hash;
      values[v++] = key.id;
      values[v++] = patients === null ? null : patients.length;
      if (patients !== null && actorId === null) lists.push({ seq, patients });
      else if (patients !== null && actorId !== null) {
        eventFirst.push({ seq, patients });
        const unknown = listDays.unknown(clinicId, actorId, day, patients);
        if (unknown.length > 0) {
          let set = newDays.get(actorId);
          if (!set) newDays.set(actorId, (set = new Set()));
          for (const p of unknown) set.add(p);
        }
      }
      prevHash = hash;
    }
    await repo.insertEventsAndListPatients(trx, database.engine, clinicId, values, eventFirst);
    await repo.insertListedPatients(trx, database.engine, clinicId, lists);
    if (newDays.size > 0) {
      const byActor = [...newDays].map(([actorId, set]): [string, string[]] => [actorId, [...set]]);
      await repo.insertListDays(trx, database.engine, clinicId, day, byActor);
      written?.push({ clinicId, day, byActor });
    }
    // A refusal may be one of a burst by this account: the clinic's admins hear of it once per burst.
    const refused = new Map<string, Actor>();
    for (const { actor, entry } of items)
      if (actor && entry.outcome === 'denied') refused.set(actor.userId, actor);
    for (const actor of refused.values()) await noteRefusal(trx, clock, clinicId, actor, at);
  }
  return log;
}

export { verifyAuditChain, type ChainReport } from './audit-verify.js';
