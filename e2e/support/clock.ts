// The browser journeys' controllable clock: the server's (moved over IPC, support/server.ts) and the pages'
// (Playwright's clock API), kept together so the web app and the API agree on "now".
import type { BrowserContext } from 'playwright-core';
import type { DuetServer } from './server';

/** Sets the context's pages to the server's time (wall time plus its offset); time keeps flowing from there. */
export async function followServerClock(context: BrowserContext, server: DuetServer): Promise<void> {
  await context.clock.setSystemTime(Date.now() + server.clockOffsetMs());
}

/**
 * Moves the server's clock forward by `ms` and every given context with it. Pages read the new time at their
 * next call to Date; reload or navigate to render with it.
 */
export async function advanceTime(
  server: DuetServer,
  ms: number,
  contexts: readonly BrowserContext[] = [],
): Promise<number> {
  const { now, offsetMs } = await server.advanceClock(ms);
  for (const context of contexts) await context.clock.setSystemTime(Date.now() + offsetMs);
  return now;
}
