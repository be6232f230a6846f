import type { AppDeps } from '../deps.js';
import { scheduledChecks } from '../../scheduled-checks.js';
import { deliverPendingEvents } from './worker.js';
import { escalateUnacknowledgedAlerts } from './escalation.js';

/** Runs every time-based check once: the features' checks, then escalation. Tests call this with a fake clock. */
export async function runScheduledChecks(deps: AppDeps): Promise<void> {
  for (const check of scheduledChecks) await check(deps);
  await escalateUnacknowledgedAlerts(deps);
}

export interface Background {
  stop(): Promise<void>;
}

/**
 * The in-process worker: delivers outbox events every second and runs the scheduled checks every minute.
 * Every app instance runs one; on PostgreSQL they share the queue safely (SKIP LOCKED), on SQLite the
 * write lock serialises them.
 */
export function startBackground(deps: AppDeps, log: (err: unknown) => void): Background {
  let running: Promise<unknown> = Promise.resolve();
  let lastChecks = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      await deliverPendingEvents(deps);
      if (deps.clock.now() - lastChecks >= 60_000) {
        lastChecks = deps.clock.now();
        await runScheduledChecks(deps);
        await deliverPendingEvents(deps);
      }
    })().catch(log);
  };
  const timer = setInterval(tick, 1000);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
