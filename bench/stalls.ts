// Background work never stalls the server (issue 19): an open-loop, rate-limited load on the patient
// overview while the scheduled checks run twice, reporting max/p99 latency and the event-loop delay.
//
//   npx tsx bench/stalls.ts [--patients 20000] [--rate 200] [--mode both|yielding|blocking] [--short]
//                           [--medications <years>]
//
// --medications: also medications and dose logs for every patient (bench/medications-data.ts), so the dose,
// refill, monitoring and adherence checks have work to do; 0.1 years covers the adherence check's 21 days.
//
// --short: the yielding mode only at 100/s (20,000 patients in under 3 minutes), ending with a one-line
// verdict (the longest background slice, wall and CPU, and the loop delay max).
//
// The server (buildApp + the real deps) runs in this process on a generated clinic, so
// perf_hooks.monitorEventLoopDelay sees the very loop the checks and the requests share. Requests are sent
// on a fixed schedule (open loop: a stall does not slow the sender down) and each latency is measured from
// the moment the request was due, so a stall shows up in full. "blocking" runs the checks one after another
// without a turn between them (how the runner worked before issue 19); "yielding" is today's
// runner (runBackgroundOnce: outbox delivery, push sends, the checks, delivery of what they emitted). Each mode:
// 1 s of load, check cycle 1, 1 s, check cycle 2, 1 s. Every slice of background work (from a unit's start or
// a turn to the next turn) is timed, wall and the main thread's own CPU (/proc/self/task/<pid>/schedstat,
// nanoseconds; the read workers and the machine's other load skew it least), and the longest per unit is
// printed.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.js';
import { buildApp } from '../src/server/app.js';
import { createDeps, openAndMigrate, startReads } from '../src/server/bootstrap.js';
import { runBackgroundOnce } from '../src/server/background.js';
import { backgroundUnit, watchBackgroundSlices } from '../src/server/platform/single-flight.js';
import { checkMeasureReminders } from '../src/server/features/measures/index.js';
import { checkTreatToTarget } from '../src/server/features/registry/index.js';
import { scheduledChecks } from '../src/server/scheduled-checks.js';
import { escalateUnacknowledgedAlerts } from '../src/server/features/alerts/index.js';
import type { AppDeps } from '../src/server/platform/deps.js';
import { prepareEngine } from './engines.js';
import { generateMedications } from './medications-data.js';
import { percentile } from './load.js';
import { cleanupAll } from './processes.js';

function flag(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
}
const short = process.argv.includes('--short');
const patients = Number(flag('--patients', '20000'));
const rate = Number(flag('--rate', short ? '100' : '200'));
const mode = short ? 'yielding' : flag('--mode', 'both');
const medicationYears = Number(flag('--medications', '0'));
if (!Number.isInteger(patients) || patients < 1 || patients > 200_000)
  throw new Error('--patients: 1 to 200000');
if (!Number.isInteger(rate) || rate < 1 || rate > 2000) throw new Error('--rate: 1 to 2000 requests/s');
const log = (line: string) => process.stderr.write(`[stalls] ${line}\n`);

const watchdog = setTimeout(
  () => {
    log('run exceeded its budget; stopping');
    cleanupAll();
    process.exit(2);
  },
  (600 + patients / 20) * 1000,
);
watchdog.unref();
process.on('exit', cleanupAll);

/**
 * The runner before issue 19: every check straight after the previous one and no turn for the event loop,
 * inside a check either (the two sliced checks get a turn that returns at once, in one page each).
 */
const noTurn = () => Promise.resolve();
async function blockingChecks(deps: AppDeps): Promise<void> {
  for (const check of scheduledChecks) {
    const name = check.name || 'check';
    if (check === checkMeasureReminders)
      await backgroundUnit(name, () =>
        checkMeasureReminders(deps, { pageSize: 1_000_000, writeBatch: 1_000_000, giveTurn: noTurn }),
      );
    else if (check === checkTreatToTarget)
      await backgroundUnit(name, () => checkTreatToTarget(deps, { pageSize: 1_000_000, giveTurn: noTurn }));
    else await backgroundUnit(name, () => check(deps));
  }
  await backgroundUnit('escalation', () => escalateUnacknowledgedAlerts(deps));
}

/** The main thread's own CPU time in ms (Linux: schedstat's first field, ns); null where unreadable. */
const schedstat = `/proc/self/task/${String(process.pid)}/schedstat`;
function mainThreadCpuMs(): number | null {
  try {
    const ns = Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

interface UnitSlices {
  slices: number;
  maxWallMs: number;
  maxCpuMs: number;
  totalWallMs: number;
  totalCpuMs: number;
}

/** Times every slice of background work (see SliceWatcher) and keeps, per unit, the longest. */
function sliceMeter() {
  const units = new Map<string, UnitSlices>();
  let started: { wall: number; cpu: number | null } | null = null;
  const watcher = {
    sliceStarted() {
      started = { wall: performance.now(), cpu: mainThreadCpuMs() };
    },
    sliceEnded(unit: string) {
      if (!started) return;
      const wall = performance.now() - started.wall;
      const cpuNow = mainThreadCpuMs();
      const cpu = cpuNow !== null && started.cpu !== null ? cpuNow - started.cpu : 0;
      started = null;
      const u = units.get(unit) ?? { slices: 0, maxWallMs: 0, maxCpuMs: 0, totalWallMs: 0, totalCpuMs: 0 };
      u.slices++;
      u.maxWallMs = Math.max(u.maxWallMs, wall);
      u.maxCpuMs = Math.max(u.maxCpuMs, cpu);
      u.totalWallMs += wall;
      u.totalCpuMs += cpu;
      units.set(unit, u);
    },
  };
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    watcher,
    reset: () => units.clear(),
    report(): Record<string, UnitSlices> {
      return Object.fromEntries(
        [...units.entries()]
          .sort((a, b) => b[1].maxWallMs - a[1].maxWallMs)
          .map(([name, u]) => [
            name,
            {
              slices: u.slices,
              maxWallMs: r1(u.maxWallMs),
              maxCpuMs: r1(u.maxCpuMs),
              totalWallMs: r1(u.totalWallMs),
              totalCpuMs: r1(u.totalCpuMs),
            },
          ]),
      );
    },
  };
}
const meter = sliceMeter();

/** Today's runner, one run with the checks due (what a tick does once a minute). */
const yieldingRun = (deps: AppDeps) =>
  runBackgroundOnce(deps, {
    eventsPerRun: 500,
    checks: scheduledChecks,
    checksDue: () => true,
    stopRequested: () => false,
  });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ModeResult {
  mode: string;
  sent: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  checkCyclesMs: number[];
  /** Per unit of background work: slices, the longest slice (wall and main-thread CPU), in the two cycles. */
  slices: Record<string, UnitSlices>;
}

async function measure(
  name: string,
  deps: AppDeps,
  baseUrl: string,
  cookie: string,
  patientIds: readonly string[],
  runChecks: (deps: AppDeps) => Promise<void>,
): Promise<ModeResult> {
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  const intervalMs = 1000 / rate;
  const state = { sending: true };
  // Open loop: the n-th request is due at started + n * interval; every due request is sent when the
  // loop gets a turn, and its latency counts from when it was due.
  const sender = (async () => {
    while (state.sending) {
      const due = started + sent * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const id = patientIds[sent % patientIds.length] ?? '';
      sent++;
      const request = fetch(`${baseUrl}/api/patients/${id}`, {
        headers: { cookie },
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (res) => {
          if (!res.ok) {
            failed++;
            if (failed === 1) log(`first failure: ${String(res.status)} ${(await res.text()).slice(0, 200)}`);
            return;
          }
          await res.arrayBuffer();
          latencies.push(performance.now() - due);
        })
        .catch(() => {
          failed++;
        });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
  })();
  histogram.enable();
  meter.reset();
  watchBackgroundSlices(meter.watcher);
  const checkCyclesMs: number[] = [];
  await sleep(1000);
  for (let cycle = 0; cycle < 2; cycle++) {
    const t0 = performance.now();
    await runChecks(deps);
    checkCyclesMs.push(Math.round(performance.now() - t0));
    await sleep(1000);
  }
  state.sending = false;
  await sender;
  await Promise.all(inFlight);
  histogram.disable();
  watchBackgroundSlices(null);
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    mode: name,
    sent,
    failed,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    loopDelayMaxMs: ms(histogram.max),
    loopDelayP99Ms: ms(histogram.percentile(99)),
    checkCyclesMs,
    slices: meter.report(),
  };
}

async function main(): Promise<void> {
  const prepared = await prepareEngine('sqlite', { patients, benchDatabaseUrl: null, log });
  try {
    const config = loadConfig({
      ...prepared.serverEnv,
      DUET_DEMO: '0',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      PORT: '0',
      // One signed-in clinician sends every request: the general API limit would answer 429 after 600.
      RATE_LIMIT_PER_MINUTE: '10000000',
      HOST: '127.0.0.1',
    });
    const database = await openAndMigrate(config);
    const deps = createDeps(config, database);
    if (medicationYears > 0) {
      const meds = await generateMedications(database, prepared.clinic.clinicId, deps.clock.now(), {
        years: medicationYears,
        loggers: 0,
      });
      log(`${String(meds.medications)} medications, ${String(meds.doseLogs)} dose logs`);
    }
    deps.reads = await startReads(config, database, (message) => {
      log(message);
    });
    const app = await buildApp(deps, { logger: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { email, patientIds } = prepared.clinic.clinician;
      // The bench signs in with a password only: the generated clinic's staff need no second step here.
      const clinicRow = await database.db
        .selectFrom('clinics')
        .select('settings')
        .where('id', '=', prepared.clinic.clinicId)
        .executeTakeFirstOrThrow();
      const settings = JSON.parse(clinicRow.settings) as Record<string, unknown>;
      await database.db
        .updateTable('clinics')
        .set({ settings: JSON.stringify({ ...settings, staffTwoFactorRequired: false }) })
        .where('id', '=', prepared.clinic.clinicId)
        .execute();
      const res = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: prepared.clinic.password }),
      });
      if (!res.ok) throw new Error(`sign-in answered ${String(res.status)}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0] ?? '')
        .find((c) => c.startsWith('duet_session='));
      if (!cookie) throw new Error('sign-in set no session cookie');
      // First start: the first check cycle does the backfills; take it out of the measured cycles, but time
      // its slices too (the backfill is the heaviest background work a clinic sees).
      const t0 = performance.now();
      for (const cycle of ['first (backfills)', 'second']) {
        meter.reset();
        watchBackgroundSlices(meter.watcher);
        const c0 = performance.now();
        await yieldingRun(deps);
        watchBackgroundSlices(null);
        log(`${cycle} cycle: ${String(Math.round(performance.now() - c0))} ms`);
        for (const [unit, u] of Object.entries(meter.report()))
          log(
            `  ${unit}: ${String(u.slices)} slices, longest ${String(u.maxWallMs)} ms (CPU ${String(u.maxCpuMs)} ms), total ${String(u.totalWallMs)} ms (CPU ${String(u.totalCpuMs)} ms)`,
          );
      }
      log(`first check cycles (backfills) took ${String(Math.round(performance.now() - t0))} ms`);
      const results: ModeResult[] = [];
      // The noise floor: the same load and schedule with no checks at all (a busy machine stalls too).
      if (mode === 'both')
        results.push(await measure('no checks', deps, address, cookie, patientIds, () => sleep(500)));
      if (mode !== 'yielding')
        results.push(await measure('blocking', deps, address, cookie, patientIds, blockingChecks));
      if (mode !== 'blocking')
        results.push(await measure('yielding', deps, address, cookie, patientIds, yieldingRun));
      process.stdout.write(
        JSON.stringify({ patients, rate, engine: prepared.version, results }, null, 2) + '\n',
      );
      const yielding = results.find((r) => r.mode === 'yielding');
      if (yielding) {
        const longest = Object.entries(yielding.slices)[0];
        const maxCpu = Math.max(0, ...Object.values(yielding.slices).map((u) => u.maxCpuMs));
        const loadAvg = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
        process.stdout.write(
          `verdict: ${String(patients)} patients, ${String(rate)}/s: longest background slice ` +
            `${String(longest?.[1].maxWallMs ?? 0)} ms wall (${longest?.[0] ?? 'none'}), ` +
            `CPU max ${String(maxCpu)} ms; loop delay p99 / max ${String(yielding.loopDelayP99Ms)} / ` +
            `${String(yielding.loopDelayMaxMs)} ms; overview max ${String(yielding.maxMs)} ms; ` +
            `${yielding.loopDelayMaxMs <= 20 ? 'within' : 'over'} the 20 ms bound; load ${loadAvg}\n`,
        );
      }
    } finally {
      await app.close();
      await deps.reads.close();
      await database.close();
    }
  } finally {
    await prepared.teardown();
  }
}

await main();
