import type { Clock } from '../../platform/clock.js';

/** Token requests per client address per minute: a client needs one every five minutes, a guesser many. */
export const TOKEN_REQUESTS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * An in-memory fixed-window count per client address for `POST /oauth2/token` (the general `/api` limit does
 * not cover it). Secrets are 32 random bytes, so this guards the server's work rather than the secret.
 */
export function createTokenThrottle(clock: Clock, limit = TOKEN_REQUESTS_PER_MINUTE) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Seconds to wait when over the limit, or 0 when the request may go ahead (and is counted). */
    take(address: string): number {
      const now = clock.now();
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      const w = windows.get(address);
      if (!w || now - w.start >= WINDOW_MS) {
        windows.set(address, { start: now, count: 1 });
        return 0;
      }
      if (w.count >= limit) return Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
      w.count++;
      return 0;
    },
  };
}
