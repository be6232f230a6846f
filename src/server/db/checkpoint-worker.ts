// The WAL checkpointer's thread (db/checkpointer.ts): its own connection to the server's SQLite file, copying
// committed pages from the WAL back into the database file with PASSIVE checkpoints, so the main thread's
// COMMITs never do it (issue 19). Woken by the first commit after a pass; each pass waits passDelayMs first so
// one pass covers the commits of that interval.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import {
  CHECKPOINT_STATE,
  type CheckpointerMessage,
  type CheckpointerData,
  type CheckpointPassResult,
} from './checkpoint-state.js';

if (!parentPort) throw new Error('checkpoint-worker.ts runs as a worker thread only');
const port = parentPort;
const { file, state: buffer, passDelayMs, walBoundBytes, idleStopMs } = workerData as CheckpointerData;
const state = new Int32Array(buffer);

const conn = new SQLite(file, { fileMustExist: true });
// A checkpoint flushes the WAL before copying and the database file after (synchronous=FULL): the writer may
// restart the WAL over frames only once their pages are on disk in the database file.
conn.pragma('synchronous = FULL');
conn.pragma('wal_autocheckpoint = 0');
const checkpoint = conn.prepare('pragma wal_checkpoint(PASSIVE)');
/** A WAL frame: its page and a 24-byte header. */
const frameBytes = (conn.pragma('page_size', { simple: true }) as number) + 24;
/**
 * Past an eighth of the bound, passes follow each other without the delay: the sooner every frame is copied
 * between two commits, the sooner the writer starts the WAL over, and the writer's own checkpoint at the
 * bound, if it comes, finds only the last few milliseconds' frames to copy.
 */
let nearBound = false;

let timer: NodeJS.Timeout | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let stopping = false;

function pass(): void {
  timer = undefined;
  if (stopping) return;
  // Commits from here on wake the next pass (the writer sees the flag set again).
  Atomics.store(state, CHECKPOINT_STATE.armed, 1);
  const row = checkpoint.get() as CheckpointPassResult | undefined;
  Atomics.add(state, CHECKPOINT_STATE.passes, 1);
  if (row) {
    Atomics.store(state, CHECKPOINT_STATE.lastLogFrames, row.log);
    Atomics.store(state, CHECKPOINT_STATE.lastCheckpointedFrames, row.checkpointed);
    nearBound = row.log * frameBytes > walBoundBytes / 8;
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(goIdle, idleStopMs);
}

function finish(): void {
  Atomics.store(state, CHECKPOINT_STATE.ending, 1);
  stopping = true;
  clearTimeout(timer);
  clearTimeout(idleTimer);
  conn.close();
  port.close(); // nothing left to run: the thread ends
}

/**
 * No commit for idleStopMs: the thread ends (issue 19: an idle server holds no thread it does not need) and the
 * writer starts another at its next commit. Taking the flag back first: if the writer took it meanwhile, its
 * 'commit' message is on the way and this thread stays for that pass.
 */
function goIdle(): void {
  if (Atomics.compareExchange(state, CHECKPOINT_STATE.armed, 1, 0) === 1) finish();
}

port.on('message', (message: CheckpointerMessage) => {
  if (message === 'stop') {
    finish();
    return;
  }
  // 'commit': the writer committed while the flag was set; one pass after the delay.
  clearTimeout(idleTimer);
  if (!stopping && timer === undefined) timer = setTimeout(pass, nearBound ? 0 : passDelayMs);
});
// One pass at the start: it covers the commits made while this thread was starting (none of them woke it).
timer = setTimeout(pass, passDelayMs);
