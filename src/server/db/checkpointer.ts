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
 * commit after its last pass and waiting passDelayMs so one pass covers that interval's commits.
 *
 * The bound. SQLite starts the WAL over (and, with `journal_size_limit`, cuts the file back to the bound) only
 * when a write transaction begins with every frame already copied. Under a steady stream of commits a pass on
 * another thread never ends with nothing newer behind it, so the writer closes the loop itself: after a commit
 * that leaves the WAL file past WAL_BOUND_BYTES it runs one PASSIVE checkpoint in line, which copies only what
 * arrived since the thread's last pass (and everything, like SQLite's own, if the thread has fallen behind or
 * stopped); its next write transaction then starts the WAL over. So the WAL never holds more than the bound
 * plus one transaction. When commits pause, the thread's pass copies everything and the WAL starts over with
 * no checkpoint in line at all. If the thread dies, SQLite's own auto-checkpoint is switched back on.
 *
 * Durability is untouched: commits are flushed as before (synchronous=FULL, or the shared audit commit's
 * flush); a checkpoint flushes the WAL before copying and the database file before the WAL may be reused.
 */
export interface WalCheckpoints {
  /** After a statement of the writing connection that may have committed (it is outside a transaction). */
  afterCommit(): void;
  stats(): WalCheckpointStats;
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
 * 16 MiB: four times SQLite's own checkpoint point (1,000 pages of 4 KiB), so the thread does nearly all the
 * copying; at the audited overview's ~10-15 MB of WAL a second (each shared commit rewrites a few B-tree pages
 * of the audit table) the writer's in-line checkpoint comes about once a second and copies ~100 ms of frames.
 * It is also the WAL file's size limit after a restart (`journal_size_limit`): its disk use stays bounded.
 */
export const WAL_BOUND_BYTES = 16 * 1024 * 1024;
/** A pass at most every 100 ms while commits come. */
export const CHECKPOINT_PASS_DELAY_MS = 100;

/** How the server starts a worker thread on one of its entries (platform/worker-entry.ts, given by bootstrap). */
export type StartWorker = (source: URL, options: WorkerOptions) => Worker;

export interface WalCheckpointOptions {
  startWorker: StartWorker;
  walBoundBytes?: number;
  passDelayMs?: number;
}

export function startWalCheckpoints(
  raw: SQLite.Database,
  file: string,
  opts: WalCheckpointOptions & { onProblem?: (message: string, err?: unknown) => void },
): WalCheckpoints {
  const bound = opts.walBoundBytes ?? WAL_BOUND_BYTES;
  raw.pragma('wal_autocheckpoint = 0');
  raw.pragma(`journal_size_limit = ${String(bound)}`);
  const buffer = new SharedArrayBuffer(CHECKPOINT_STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(buffer);
  const inLine = raw.prepare('pragma wal_checkpoint(PASSIVE)');
  let writerCheckpoints = 0;
  let walFd: number | null = null;
  let running = true;
  let stopping = false;

  const worker = opts.startWorker(new URL('./checkpoint-worker.ts', import.meta.url), {
    workerData: {
      file,
      state: buffer,
      passDelayMs: opts.passDelayMs ?? CHECKPOINT_PASS_DELAY_MS,
    } satisfies CheckpointerData,
    // A small thread: it runs one statement.
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  worker.on('error', (err) => opts.onProblem?.('the WAL checkpointer failed', err));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      running = false;
      if (!stopping) {
        // Never an unbounded WAL: SQLite checkpoints in line again, as it does by default.
        raw.pragma('wal_autocheckpoint = 1000');
        opts.onProblem?.('the WAL checkpointer stopped; SQLite checkpoints on the main thread from now on');
      }
      resolve();
    });
  });

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
      if (running && Atomics.compareExchange(state, CHECKPOINT_STATE.armed, 1, 0) === 1)
        worker.postMessage('commit' satisfies CheckpointerMessage);
      if (walSize() > bound) {
        inLine.get();
        writerCheckpoints++;
      }
    },
    stats: () => ({
      threadPasses: Atomics.load(state, CHECKPOINT_STATE.passes),
      writerCheckpoints,
      lastLogFrames: Atomics.load(state, CHECKPOINT_STATE.lastLogFrames),
      lastCheckpointedFrames: Atomics.load(state, CHECKPOINT_STATE.lastCheckpointedFrames),
      threadRunning: running,
    }),
    async stop() {
      if (stopping) return exited;
      stopping = true;
      if (running) {
        worker.postMessage('stop' satisfies CheckpointerMessage);
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (walFd !== null) fs.closeSync(walFd);
      walFd = null;
    },
  };
}
