import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The server's event-loop delay, for the bench only (issue 19: "no event-loop stall > 20 ms from background
 * work", shown by the open-loop scenario in bench/run.ts). Reachable only over the IPC channel of a parent
 * Node process, never over HTTP, and main.ts listens only with NODE_ENV=test (like the test clock).
 */
export const LOOP_DELAY_MESSAGE = 'duet:loop-delay';

export interface LoopDelayReport {
  type: typeof LOOP_DELAY_MESSAGE;
  /** Since the previous ask (or since start), in ms. */
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** The part of `process` this needs (so a test can pass a fake channel). */
export interface LoopDelayChannel {
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The part of perf_hooks' histogram this reads (nanoseconds). */
export interface DelayHistogram {
  readonly max: number;
  readonly mean: number;
  percentile(p: number): number;
  enable(): boolean;
  reset(): void;
}

const toMs = (ns: number) => (Number.isFinite(ns) ? Math.round(ns / 1e5) / 10 : 0);

/** Answers each `{ type: 'duet:loop-delay' }` with the delay since the last ask, then starts counting anew. */
export function listenForLoopDelay(
  channel: LoopDelayChannel,
  histogram: DelayHistogram = monitorEventLoopDelay({ resolution: 1 }),
): void {
  if (!channel.send) throw new Error('listenForLoopDelay needs an IPC channel (a parent Node process)');
  histogram.enable();
  channel.on('message', (message) => {
    if (typeof message !== 'object' || message === null) return;
    if ((message as { type?: unknown }).type !== LOOP_DELAY_MESSAGE) return;
    const report: LoopDelayReport = {
      type: LOOP_DELAY_MESSAGE,
      maxMs: toMs(histogram.max),
      p99Ms: toMs(histogram.percentile(99)),
      meanMs: toMs(histogram.mean),
    };
    histogram.reset();
    channel.send?.(report);
  });
}
