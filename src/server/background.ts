import type { AppDeps } from './platform/deps.js';
import { scheduledChecks, type ScheduledCheck } from './scheduled-checks.js';
import { deliverPendingEvents } from './platform/outbox/worker.js';
import { escalateUnacknowledgedAlerts } from './features/alerts/index.js';
import { sendDuePushes } from './features/push/index.js';
import { inFreshScope } from './platform/request-scope.js';
import { backgroundUnit, singleFlight, yieldToEventLoop } from './platform/single-flight.js';

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
  for (const [i, check] of checks.entries()) {
    if (stopRequested()) return;
    await backgroundUnit(check.name || `check ${String(i)}`, () => inFreshScope(() => check(deps)));
    await yieldToEventLoop();
  }
  await backgroundUnit('escalation', () => inFreshScope(() => escalateUnacknowledgedAlerts(deps)));
}

/**
 * One run of the background runner: deliver the outbox, send the queued pushes, and when `checksDue` the
 * scheduled checks followed by the delivery of what they emitted. bench/stalls.ts runs this very function.
 */
export async function runBackgroundOnce(
  deps: AppDeps,
  options: {
    eventsPerRun: number;
    checks: readonly ScheduledCheck[];
    checksDue: () => boolean;
    stopRequested: () => boolean;
  },
): Promise<void> {
  const { eventsPerRun, checks, stopRequested } = options;
  await deliverPendingEvents(deps, eventsPerRun, undefined, stopRequested);
  if (stopRequested()) return;
  // Issue 17: queued push notifications go out after the events that queued them, outside any transaction.
  await backgroundUnit('push sends', () => inFreshScope(() => sendDuePushes(deps)));
  if (options.checksDue()) {
    await runScheduledChecks(deps, checks, stopRequested);
    if (stopRequested()) return;
    await deliverPendingEvents(deps, eventsPerRun, undefined, stopRequested);
  }
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
  const checksDue = () => {
    if (lastChecks !== null && deps.clock.now() - lastChecks < checksEveryMs) return false;
    lastChecks = deps.clock.now();
    return true;
  };
  const runner = singleFlight(
    () => runBackgroundOnce(deps, { eventsPerRun, checks, checksDue, stopRequested }),
    log,
  );
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
