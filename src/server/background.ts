import type { AppDeps } from './platform/deps.js';
import { scheduledChecks } from './scheduled-checks.js';
import { deliverPendingEvents } from './platform/outbox/worker.js';
import { escalateUnacknowledgedAlerts } from './features/alerts/index.js';
import { inFreshScope } from './platform/request-scope.js';

// The background runner sits beside main.ts, not in platform/: it wires the features' checks (scheduled-checks.ts)
// and the alerts' escalation to the outbox delivery, so the platform never imports a feature (issue 18).

/**
 * Runs every time-based check once: the features' checks, then escalation. Tests call this with a fake clock.
 * Each check runs in a fresh scope (issue 18): a clinic's settings are read once per check, never kept over.
 */
export async function runScheduledChecks(deps: AppDeps): Promise<void> {
  for (const check of scheduledChecks) await inFreshScope(() => check(deps));
  await inFreshScope(() => escalateUnacknowledgedAlerts(deps));
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
