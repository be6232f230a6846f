import type { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.js';
import type { ReadJobInput, ReadJobName, ReadJobOutput, ReadRunner } from '../platform/reads.js';
import { readJobs } from './read-jobs.js';
import { startWorker } from '../platform/worker-entry.js';

export type { ReadRunner };

/**
 * Heavy reads (read-jobs.ts) on worker threads. better-sqlite3 is synchronous, so on one thread ten
 * clinicians opening their registry at once queue behind each other however fast each one is; a worker with
 * its own read-only connection (SQLite in WAL mode never blocks a reader; PostgreSQL gets a small read-only
 * pool) computes while the main thread serves the next request, and several workers use several cores.
 * The main thread keeps every write, the audit included. A worker that dies is replaced, and the reads it
 * held run again on the main thread (a read can always be repeated); with no worker the main thread
 * computes reads itself, so reads never depend on the pool.
 *
 * Issue 19 (memory and start): each worker holds its own copy of the read code and its own connection, so
 * the workers start at the first read, not with the server (reads that arrive while they start run on the
 * main thread), and all of them stop after a minute without reads; the next read starts them again.
 */
/** The pool, with its threads visible (diagnostics and tests). */
export interface ReadPool extends ReadRunner {
  workers(): readonly Worker[];
}

export interface ReadWorkerData {
  databaseUrl: string | null;
  sqlitePath: string;
}
export interface ReadRequest {
  id: number;
  job: string;
  input: unknown;
}
export type ReadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

type AnyJob = (db: Parameters<ReadJobs[ReadJobName]>[0], input: unknown) => Promise<unknown>;
type ReadJobs = typeof readJobs;

/** One read job in one transaction of `database` (the main thread's, or a worker's own). */
export function runReadJob(database: Database, job: ReadJobName, input: unknown): Promise<unknown> {
  const fn = readJobs[job] as AnyJob;
  return database.transaction((trx) => fn(trx, input));
}

/** Reads on the main thread, in one transaction of the app's own connection (tests, DUET_READ_WORKERS=0). */
export function inlineReads(database: Database): ReadRunner {
  return {
    threads: 0,
    run: <K extends ReadJobName>(job: K, input: ReadJobInput<K>) =>
      runReadJob(database, job, input) as Promise<ReadJobOutput<K>>,
    close: () => Promise.resolve(),
  };
}

interface Pending {
  job: ReadJobName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

const MAX_RESTARTS = 20;
/**
 * A read worker's young generation (V8's nursery, where a read's short-lived rows are made and die): the
 * default lets each worker grow it to 3 x 16 MiB and keep it; 8 MiB measured the same CPU per read
 * (docs/benchmarks.md, "Memory and start").
 */
export const READ_WORKER_YOUNG_GENERATION_MB = 8;
/** Workers stop after this long without a read (issue 19: an idle server holds no copies of its code). */
export const READ_WORKERS_IDLE_STOP_MS = 60_000;

export async function startReadPool(opts: {
  size: number;
  /** The app's own database: where reads run when no worker is ready. */
  database: Database;
  data: ReadWorkerData;
  onProblem: (message: string, err?: unknown) => void;
  /**
   * Start the workers now and wait (at most startTimeoutMs) until they are ready. By default (issue 19)
   * they start at the first read instead, and the reads that arrive while they start run on the main thread.
   */
  startNow?: boolean;
  startTimeoutMs?: number;
  /** Stop every worker after this long without a read (default READ_WORKERS_IDLE_STOP_MS); they start again at the next read. */
  idleStopMs?: number;
}): Promise<ReadPool> {
  const slots: Slot[] = [];
  let nextId = 1;
  let restarts = 0;
  let closing = false;
  const idleStopMs = opts.idleStopMs ?? READ_WORKERS_IDLE_STOP_MS;
  let idleTimer: NodeJS.Timeout | undefined;
  /** Workers being stopped for idleness: their exit is expected, not a failure. */
  const retiring = new Set<Worker>();
  const url = new URL('./read-worker.ts', import.meta.url);

  function spawn(): Promise<void> {
    const worker = startWorker(url, {
      workerData: opts.data,
      resourceLimits: { maxYoungGenerationSizeMb: READ_WORKER_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, pending: new Map() };
    slots.push(slot);
    return new Promise<void>((started) => {
      worker.on('message', (m: ReadReply | { ready: true }) => {
        if ('ready' in m) {
          slot.ready = true;
          started();
          armIdleStop();
          return;
        }
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
        armIdleStop();
      });
      worker.on('error', (err) => opts.onProblem('a read worker failed', err));
      worker.once('exit', (code) => {
        slots.splice(slots.indexOf(slot), 1);
        started();
        if (closing) {
          for (const p of slot.pending.values()) p.reject(new Error('the server is shutting down'));
          return;
        }
        // What it held runs again here: reads repeat safely.
        for (const p of slot.pending.values())
          runReadJob(opts.database, p.job, p.input).then(p.resolve, p.reject);
        if (retiring.delete(worker)) return;
        if (restarts++ < MAX_RESTARTS) {
          opts.onProblem(`a read worker stopped (exit code ${String(code)}); starting another`);
          void spawn();
        } else opts.onProblem('read workers keep stopping; the main thread computes reads from now on');
      });
    });
  }

  function startMissing(): Promise<void> {
    const missing = opts.size - slots.length;
    return Promise.all(Array.from({ length: Math.max(0, missing) }, () => spawn())).then(() => undefined);
  }

  /** Nothing in flight and every worker ready: a timer stops the workers unless a read comes first. */
  const busy = () => slots.some((s) => s.pending.size > 0 || !s.ready);
  function armIdleStop(): void {
    if (closing || busy()) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (closing || busy()) return;
      for (const s of [...slots]) {
        retiring.add(s.worker);
        void s.worker.terminate();
      }
    }, idleStopMs);
    idleTimer.unref();
  }

  if (opts.startNow) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      startMissing(),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          opts.onProblem(
            'read workers were slow to start; the main thread computes reads until they are ready',
          );
          resolve();
        }, opts.startTimeoutMs ?? 30_000);
      }),
    ]);
    clearTimeout(timer);
    armIdleStop();
  }

  return {
    get threads() {
      return slots.filter((s) => s.ready).length;
    },
    workers: () => slots.map((s) => s.worker),
    run<K extends ReadJobName>(job: K, input: ReadJobInput<K>): Promise<ReadJobOutput<K>> {
      clearTimeout(idleTimer);
      // Workers that are stopping take no new reads.
      let best: Slot | undefined;
      for (const s of slots)
        if (s.ready && !retiring.has(s.worker) && (!best || s.pending.size < best.pending.size)) best = s;
      if (slots.length - retiring.size < opts.size && !closing && restarts <= MAX_RESTARTS)
        void startMissing();
      if (!best) {
        const inline = runReadJob(opts.database, job, input) as Promise<ReadJobOutput<K>>;
        void inline.finally(armIdleStop).catch(() => undefined);
        return inline;
      }
      const slot = best;
      const id = nextId++;
      return new Promise<ReadJobOutput<K>>((resolve, reject) => {
        slot.pending.set(id, { job, input, resolve: resolve as (v: unknown) => void, reject });
        slot.worker.postMessage({ id, job, input } satisfies ReadRequest);
      });
    },
    async close() {
      closing = true;
      clearTimeout(idleTimer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
