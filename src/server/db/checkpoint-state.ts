// What the writer (db/checkpointer.ts) and the checkpointer's thread (db/checkpoint-worker.ts) share: the
// worker's start data, its messages and the slots of the shared Int32Array (kept apart so the worker loads
// nothing else).

/** Slots of the shared Int32Array. */
export const CHECKPOINT_STATE = {
  /** 1 while the checkpointer waits for a commit: the writer's next commit clears it and wakes the thread. */
  armed: 0,
  /** Passes (PASSIVE checkpoints) the thread has run. */
  passes: 1,
  /** Frames in the WAL at the thread's last pass, and how many of them were copied into the database file. */
  lastLogFrames: 2,
  lastCheckpointedFrames: 3,
  /** Set by the thread as it ends in order (asked to stop, or idle): any other end is a failure. */
  ending: 4,
} as const;
export const CHECKPOINT_STATE_SLOTS = 5;

export interface CheckpointerData {
  file: string;
  state: SharedArrayBuffer;
  passDelayMs: number;
  walBoundBytes: number;
  idleStopMs: number;
}

/** Writer → thread: 'commit' (something to copy), 'stop'. */
export type CheckpointerMessage = 'commit' | 'stop';

/** A row of `pragma wal_checkpoint`. */
export interface CheckpointPassResult {
  busy: number;
  log: number;
  checkpointed: number;
}
