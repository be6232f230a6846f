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

/** Lets timers, I/O and other requests run before the next slice of background work. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}
