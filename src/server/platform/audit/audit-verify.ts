import type { Db } from '../../db/database.js';
import { checkpointIsGenuine, type Checkpoint } from './audit-checkpoint.js';
import type { AuditKeyRing } from './audit-keys.js';
import * as repo from './audit.repository.js';
import { kyselyChainPages, sqliteChainPages, sqliteFileOf } from './audit-verify.repository.js';
import { verifyClinicChain, type ClinicCheck, type ClinicResult } from './audit-verify-clinic.js';
import { startVerifyWorkers } from './audit-verify-workers.js';

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
// Starting a worker thread costs about a second (it loads its code through tsx): below this many events the
// main thread alone is done sooner.
const WORKERS_FROM = 200_000;

async function worthWorkers(db: Db, minEvents: number): Promise<boolean> {
  if (minEvents <= 0) return true;
  const heads = await repo.chainHeads(db);
  return heads.reduce((n, h) => n + h.seq, 0) >= minEvents;
}

/**
 * Walks every clinic's chain (and every clinic the checkpoint names) and reports the first bad event (see
 * verifyClinicChain), clinics in id order. On SQLite the events are read as raw arrays on a connection of their
 * own, and with `workers` > 1 the clinics are verified on that many worker threads (audit:verify uses one per
 * core; issue 13: 1,000,000 events in under 10 s). The report is the same either way.
 */
export async function verifyAuditChain(
  db: Db,
  keys: AuditKeyRing,
  checkpoint: Checkpoint | null = null,
  opts: { workers?: number; minEventsForWorkers?: number } = {},
): Promise<ChainReport> {
  if (checkpoint && !checkpointIsGenuine(keys, checkpoint))
    return {
      ok: false,
      clinicId: '(checkpoint)',
      seq: 0,
      reason: 'the checkpoint is not signed by our key',
      events: 0,
    };
  const heads = new Map((checkpoint?.heads ?? []).map((h) => [h.clinicId, h]));
  const clinics = [...new Set([...(await repo.clinicIdsWithEvents(db)), ...heads.keys()])].sort();
  const checks: ClinicCheck[] = clinics.map((clinicId) => ({
    clinicId,
    head: heads.get(clinicId) ?? null,
    checkpointAt: checkpoint?.at ?? null,
  }));
  const file = await sqliteFileOf(db);
  const workers = Math.min(opts.workers ?? 1, clinics.length);
  let results: ClinicResult[];
  if (file !== null && workers > 1 && (await worthWorkers(db, opts.minEventsForWorkers ?? WORKERS_FROM))) {
    const pool = await startVerifyWorkers(workers, file, keys);
    try {
      results = await Promise.all(checks.map((c) => pool.verify(c)));
    } finally {
      await pool.close();
    }
  } else {
    const source = file === null ? null : sqliteChainPages(file, PAGE);
    const pages = source?.pages ?? kyselyChainPages(db, PAGE);
    results = [];
    try {
      for (const c of checks) {
        const result = await verifyClinicChain(pages(c.clinicId), keys, c);
        results.push(result);
        if (result.failure) break;
      }
    } finally {
      source?.close();
    }
  }
  let events = 0;
  let beforeKeyedHashing = 0;
  for (const [i, result] of results.entries()) {
    if (result.failure)
      return {
        ok: false,
        clinicId: clinics[i] ?? '',
        seq: result.failure.seq,
        reason: result.failure.reason,
        events: events + result.failure.events,
      };
    events += result.events;
    beforeKeyedHashing += result.beforeKeyedHashing;
  }
  return {
    ok: true,
    clinics: clinics.length,
    events,
    beforeKeyedHashing,
    checkpointAt: checkpoint?.at ?? null,
  };
}
