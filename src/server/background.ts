import type { AppDeps } from './platform/deps.js';
import { scheduledChecks, type ScheduledCheck } from './scheduled-checks.js';
import { deliverPendingEvents } from './platform/outbox/worker.js';
import { escalateUnacknowledgedAlerts } from './features/alerts/index.js';
import { sendDuePushes } from './features/push/index.js';
import { inFreshScope } from './platform/request-scope.js';
import { singleFlight, yieldToEventLoop } from './platform/single-flight.js';

// The background runner sits beside main.ts, not in platform/: it wires the features' checks (scheduled-checks.ts)
// and the alerts' escalation to the outbox delivery, so the platform never imports a feature (issue 18).

/**
 * Runs every time-based check once: the features' checks, then escalation. Tests call this with a fake clock.
 * Each check runs in a fresh scope (issue 18): a clinic's settings are read once per check, never kept over.
 * Between checks the event loop gets a turn (issue 19), so requests waiting meanwhile are answered.
 */
export async function runScheduledChecks(
  deps: AppDeps,
  checks: readonly ScheduledCheck[] = scheduledChecks,
  stopRequested: () => boolean = () => false,
): Promise<void> {
  for (const check of checks) {
    if (stopRequested()) return;
    await inFreshScope(() => check(deps));
    await yieldToEventLoop();
  }
  await inFreshScope(() => escalateUnacknowledgedAlerts(deps));
}

export interface Background {
  stop(): Promise<void>;
  /** Ticks skipped because the previous run was still going (issue 19: ticks never overlap). */
  skippedTicks(): number;
}

export interface BackgroundOptions {
  /** How often the outbox is drained (ms). */
  deliveryEveryMs?: number;
  /** How often the scheduled checks run (ms). */
  checksEveryMs?: number;
  /** At most this many events per delivery run (the rest wait for the next tick). */
  eventsPerRun?: number;
  checks?: readonly ScheduledCheck[];
}

/**
 * The in-process worker: delivers outbox events every second and runs the scheduled checks every minute.
 * Every app instance runs one; on PostgreSQL they share the queue safely (SKIP LOCKED), on SQLite the
 * write lock serialises them.
 *
 * Single-flight (issue 19): a tick that finds the previous run still going is skipped and counted, never
 * started beside it, so an instance holds at most one database connection for background work (delivery
 * takes one event per transaction, one after another) and a backlog is drained by one bounded run at a time.
 */
export function startBackground(
  deps: AppDeps,
  log: (err: unknown) => void,
  options: BackgroundOptions = {},
): Background {
  const deliveryEveryMs = options.deliveryEveryMs ?? 1000;
  const checksEveryMs = options.checksEveryMs ?? 60_000;
  const eventsPerRun = options.eventsPerRun ?? 500;
  const checks = options.checks ?? scheduledChecks;
  let lastChecks: number | null = null;
  let stopped = false;
  const stopRequested = () => stopped;
  const runner = singleFlight(async () => {
    await deliverPendingEvents(deps, eventsPerRun, undefined, stopRequested);
    if (stopped) return;
    // Issue 17: queued push notifications go out after the events that queued them, outside any transaction.
    await inFreshScope(() => sendDuePushes(deps));
    if (lastChecks === null || deps.clock.now() - lastChecks >= checksEveryMs) {
      lastChecks = deps.clock.now();
      await runScheduledChecks(deps, checks, stopRequested);
      if (stopRequested()) return;
      await deliverPendingEvents(deps, eventsPerRun, undefined, stopRequested);
    }
  }, log);
  const tick = () => {
    if (!stopped) void runner.tick();
  };
  const timer = setInterval(tick, deliveryEveryMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await runner.current();
    },
    skippedTicks: () => runner.skipped(),
  };
}
