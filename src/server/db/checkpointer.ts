import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import {
  CHECKPOINT_STATE,
  CHECKPOINT_STATE_SLOTS,
  type CheckpointerData,
  type CheckpointerMessage,
} from './checkpoint-state.js';

/**
 * The server's WAL checkpoints off the main thread (issue 19). By default SQLite copies the WAL back into the
 * database file inside whichever COMMIT takes the WAL past 1,000 pages: on the main thread, as a long tail on
 * that request and ~0.5-1 ms per audited caseload. Here the writing connection never checkpoints by itself
 * (`wal_autocheckpoint=0`); a thread with its own connection runs PASSIVE checkpoints, woken by the first
 * commit after its last pass and waiting passDelayMs so one pass covers that interval's commits; once the WAL
 * holds more than an eighth of the bound its passes follow each other without the delay.
 *
 * SQLite starts the WAL over only when a write transaction begins with every frame already copied and no
 * reader still on an older snapshot; `journal_size_limit` (a quarter of the bound) then cuts the file back.
 * Between two commits of a busy server the thread's pass usually gets there, but nothing guarantees it (a
 * commit may land during every pass, readers may overlap). The hard bound: after a commit that leaves the WAL
 * file past the bound, the writer runs one PASSIVE checkpoint in line, as SQLite's own auto-checkpoint would;
 * it copies only what arrived since the thread's last pass (everything, if the thread has fallen behind), and a
 * later write transaction starts the WAL over. So the WAL holds at most the bound plus one transaction, even
 * with the thread stuck. If the thread dies, SQLite's own auto-checkpoint is switched back on.
 *
 * Durability is untouched: commits are flushed as before (synchronous=FULL, or the shared audit commit's
 * flush); a checkpoint flushes the WAL before copying and the database file before the WAL may be reused.
 */
export interface WalCheckpoints {
  /** After a statement of the writing connection that may have committed (it is outside a transaction). */
  afterCommit(): void;
  stats(): WalCheckpointStats;
  /** The thread while it runs (diagnostics and tests). */
  thread(): Worker | null;
  /** Stops the thread (the database's close then runs the final checkpoint). */
  stop(): Promise<void>;
}

export interface WalCheckpointStats {
  /** PASSIVE checkpoints run by the thread. */
  threadPasses: number;
  /** Checkpoints the writer ran in line at the bound. */
  writerCheckpoints: number;
  /** The thread's last pass: frames in the WAL and frames copied. */
  lastLogFrames: number;
  lastCheckpointedFrames: number;
  threadRunning: boolean;
}

/**
 * 64 MiB, sixteen times SQLite's own checkpoint point (1,000 pages of 4 KiB): the writer checkpoints in line
 * only if the thread and the readers kept the WAL from starting over for that long (at the audited overview's
 * ~10-15 MB of WAL a second, several seconds), and the WAL file stays within a size that costs nothing to keep
 * on disk and little to search (its index grows by 32 KiB per 4,096 frames). After the WAL starts over the file
 * is cut back to a quarter of it (16 MiB).
 */
export const WAL_BOUND_BYTES = 64 * 1024 * 1024;
/** A pass at most every 100 ms while commits come. */
export const CHECKPOINT_PASS_DELAY_MS = 100;
/**
 * The thread ends after 15 s without commits (an idle server holds no thread it does not need: ~10 MB resident)
 * and starts again at the next commit. Shorter than the scheduled checks' minute, whose commits would otherwise
 * keep it forever; a start costs the built thread a few tens of milliseconds of CPU.
 */
export const CHECKPOINT_THREAD_IDLE_STOP_MS = 15_000;

/** How the server starts a worker thread on one of its entries (platform/worker-entry.ts, given by bootstrap). */
export type StartWorker = (source: URL, options: WorkerOptions) => Worker;

export interface WalCheckpointOptions {
  startWorker: StartWorker;
  walBoundBytes?: number;
  passDelayMs?: number;
  idleStopMs?: number;
}

export function startWalCheckpoints(
  raw: SQLite.Database,
  file: string,
  opts: WalCheckpointOptions & { onProblem?: (message: string, err?: unknown) => void },
): WalCheckpoints {
  const bound = opts.walBoundBytes ?? WAL_BOUND_BYTES;
  raw.pragma('wal_autocheckpoint = 0');
  raw.pragma(`journal_size_limit = ${String(Math.floor(bound / 4))}`);
  const buffer = new SharedArrayBuffer(CHECKPOINT_STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(buffer);
  const inLine = raw.prepare('pragma wal_checkpoint(PASSIVE)');
  // Rows this connection has written since it opened: a commit that wrote none (a read in a transaction, the
  // outbox finding nothing) wakes no thread.
  const totalChanges = raw.prepare('select total_changes()').pluck();
  let changesSeen = totalChanges.get();
  let writerCheckpoints = 0;
  let walFd: number | null = null;
  /** The thread while it runs; it ends by itself after idleStopMs without commits and starts at the next one. */
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let failed = false;
  let stopping = false;

  function start(): void {
    // Nothing signalled until the new thread sets the flag: its first pass covers what came meanwhile.
    Atomics.store(state, CHECKPOINT_STATE.armed, 0);
    Atomics.store(state, CHECKPOINT_STATE.ending, 0);
    const thread = opts.startWorker(new URL('./checkpoint-worker.ts', import.meta.url), {
      workerData: {
        file,
        state: buffer,
        passDelayMs: opts.passDelayMs ?? CHECKPOINT_PASS_DELAY_MS,
        walBoundBytes: bound,
        idleStopMs: opts.idleStopMs ?? CHECKPOINT_THREAD_IDLE_STOP_MS,
      } satisfies CheckpointerData,
      // A small thread: it runs one statement.
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    worker = thread;
    thread.unref();
    thread.on('error', (err) => opts.onProblem?.('the WAL checkpointer failed', err));
    exited = new Promise<void>((resolve) => {
      thread.once('exit', () => {
        if (worker === thread) worker = null;
        // It ended in order (asked to stop, or idle), or it failed.
        if (Atomics.load(state, CHECKPOINT_STATE.ending) !== 1 && !stopping && raw.open) {
          // Never an unbounded WAL: SQLite checkpoints in line again, as it does by default.
          failed = true;
          raw.pragma('wal_autocheckpoint = 1000');
          opts.onProblem?.('the WAL checkpointer stopped; SQLite checkpoints on the main thread from now on');
        }
        resolve();
      });
    });
  }
  start();

  function walSize(): number {
    if (walFd === null) {
      try {
        walFd = fs.openSync(`${file}-wal`, 'r');
      } catch {
        return 0;
      }
    }
    return fs.fstatSync(walFd).size;
  }

  return {
    afterCommit() {
      const changes = totalChanges.get();
      if (changes === changesSeen) return;
      changesSeen = changes;
      if (worker) {
        if (Atomics.compareExchange(state, CHECKPOINT_STATE.armed, 1, 0) === 1)
          worker.postMessage('commit' satisfies CheckpointerMessage);
      } else if (!failed && !stopping) start();
      if (walSize() > bound) {
        inLine.get();
        writerCheckpoints++;
      }
    },
    thread: () => worker,
    stats: () => ({
      threadPasses: Atomics.load(state, CHECKPOINT_STATE.passes),
      writerCheckpoints,
      lastLogFrames: Atomics.load(state, CHECKPOINT_STATE.lastLogFrames),
      lastCheckpointedFrames: Atomics.load(state, CHECKPOINT_STATE.lastCheckpointedFrames),
      threadRunning: worker !== null,
    }),
    async stop() {
      stopping = true;
      const thread = worker;
      if (thread) {
        thread.postMessage('stop' satisfies CheckpointerMessage);
        const timer = setTimeout(() => void thread.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      } else await exited;
      if (walFd !== null) fs.closeSync(walFd);
      walFd = null;
    },
  };
}
