import { setImmediate as nextTurn } from 'node:timers/promises';

// Background work never stalls the server (issue 19): a periodic job runs single-flight (a tick that finds
// the previous run still going skips it and counts the skip), and long work gives the event loop a turn
// between slices so requests are answered in between.

export interface SingleFlight {
  /** Starts a run unless one is going; resolves to false (and counts a skip) when one was. Never rejects. */
  tick(): Promise<boolean>;
  /** The run in progress, if any (resolves when it ends, whatever its outcome). */
  current(): Promise<void> | null;
  /** How many ticks found the previous run still going. */
  skipped(): number;
}

export function singleFlight(job: () => Promise<void>, onError: (err: unknown) => void): SingleFlight {
  let running: Promise<void> | null = null;
  let skipped = 0;
  return {
    async tick() {
      if (running) {
        skipped++;
        return false;
      }
      running = (async () => {
        try {
          await job();
        } catch (err) {
          onError(err);
        }
      })();
      await running;
      running = null;
      return true;
    },
    current: () => running,
    skipped: () => skipped,
  };
}

/**
 * Watches the slices of background work (the bench only, bench/stalls.ts): a slice starts when a unit
 * (a check, an outbox event, the push sends) starts or resumes after a turn, and ends at the next turn or
 * when the unit ends. On SQLite most awaits inside a slice are resolved promises (better-sqlite3 is
 * synchronous), so a slice is mostly one uninterrupted stretch of the event loop; a real wait inside it (the
 * off-loop disk flush of a durableTransaction, the connection held by a request) is counted in its wall time,
 * which is why the bench reports the main thread's CPU time per slice as well.
 */
export interface SliceWatcher {
  sliceStarted(): void;
  sliceEnded(unit: string): void;
}

let watcher: SliceWatcher | null = null;
/** The unit of background work in hand (null between units: the runner's own glue is not timed). */
let currentUnit: string | null = null;

/** Installs (or, with null, removes) the watcher. No cost when none is installed. */
export function watchBackgroundSlices(w: SliceWatcher | null): void {
  watcher = w;
}

/** Runs one unit of background work under its name, for the slice watcher. */
export async function backgroundUnit<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (currentUnit !== null) return work(); // a unit inside a unit: its slices count for the outer one
  currentUnit = name;
  watcher?.sliceStarted();
  try {
    return await work();
  } finally {
    watcher?.sliceEnded(name);
    currentUnit = null;
  }
}

/** Lets timers, I/O and other requests run before the next slice of background work. */
export async function yieldToEventLoop(): Promise<void> {
  const unit = currentUnit;
  if (unit !== null) watcher?.sliceEnded(unit);
  await nextTurn();
  if (unit !== null) watcher?.sliceStarted();
}

/**
 * The longest a slice of background work should keep the event loop (issue 19: no stall over 20 ms; a
 * slice of ~8 ms leaves room for the requests answered between slices on a loaded machine).
 */
export const SLICE_BUDGET_MS = 8;

/** Gives the event loop a turn once a slice has used its time budget; otherwise returns at once. */
export interface TimeSlices {
  /** Call between small steps (one patient, one row): yields when the slice has run for the budget. */
  maybeYield(): Promise<void>;
  /** Always yields (a page boundary) and starts a new slice. */
  yieldNow(): Promise<void>;
  /** How many turns were given so far. */
  turns(): number;
}

export function timeSlices(
  budgetMs: number = SLICE_BUDGET_MS,
  // A monotonic stopwatch for the budget only (never a date): the clock of record stays deps.clock.
  elapsedNow: () => number = () => performance.now(),
  giveTurn: () => Promise<void> = yieldToEventLoop,
): TimeSlices {
  let startedAt = elapsedNow();
  let turns = 0;
  const yieldNow = async () => {
    turns++;
    await giveTurn();
    startedAt = elapsedNow();
  };
  return {
    async maybeYield() {
      if (elapsedNow() - startedAt >= budgetMs) await yieldNow();
    },
    yieldNow,
    turns: () => turns,
  };
}
