// `npm run bench`: requests/s and latency of the real server on a synthetic clinic, on SQLite and on
// PostgreSQL, next to a bare Fastify route (the ceiling on this machine). See docs/benchmarks.md.
//
//   npm run bench -- [--patients 5000] [--duration 10] [--warmup 2] [--connections 10]
//                    [--login-connections 2] [--engines sqlite,postgres] [--out .tmp/bench/results.json]
//                    [--open-loop 65] [--open-loop-rate 200]
//                    [--scenarios open-loop,login,caseload,overview]
//
// PostgreSQL runs in a throwaway cluster unless BENCH_DATABASE_URL names a server (a fresh database is
// created there and dropped). All traffic goes to 127.0.0.1; every wait is bounded; children and clusters
// are stopped on every exit path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareEngine, type EngineName, type PreparedEngine } from './engines.js';
import { runOpenLoop, runScenario, type OpenLoopResult, type Scenario, type ScenarioResult } from './load.js';
import { LOOP_DELAY_MESSAGE, type LoopDelayReport } from '../src/server/platform/loop-delay.js';
import { cleanupAll, startNodeServer, type ServerProcess } from './processes.js';
import { formatTable } from './report.js';
import { conditions, processCpuMs, type Conditions } from './conditions.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

function flag(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
}
function intFlag(name: string, fallback: number, min: number, max: number): number {
  const value = Number(flag(name, String(fallback)));
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${String(min)} to ${String(max)}`);
  return value;
}

const SCENARIO_NAMES = ['open-loop', 'login', 'caseload', 'overview'] as const;
type ScenarioName = (typeof SCENARIO_NAMES)[number];
function scenarioList(value: string): ReadonlySet<ScenarioName> {
  const names = value.split(',').filter((n) => n !== '');
  const unknown = names.filter((n) => !(SCENARIO_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--scenarios takes a list of ${SCENARIO_NAMES.join(', ')}; got ${value}`);
  return new Set(names as ScenarioName[]);
}

const options = {
  patients: intFlag('--patients', 5000, 1, 200_000),
  durationSec: intFlag('--duration', 10, 1, 120),
  warmupSec: intFlag('--warmup', 2, 0, 30),
  connections: intFlag('--connections', 10, 1, 200),
  loginConnections: intFlag('--login-connections', 2, 1, 50),
  engines: flag('--engines', 'sqlite,postgres')
    .split(',')
    .filter((e): e is EngineName => e === 'sqlite' || e === 'postgres'),
  out: path.resolve(repoRoot, flag('--out', '.tmp/bench/results.json')),
  /** Seconds of the bare-route probe run right before and right after each scenario. */
  bareProbeSec: intFlag('--bare-probe', 3, 1, 30),
  /** The throwaway PostgreSQL cluster with fsync on (a real server's durability) unless `--pg-fsync off`. */
  pgFsync: flag('--pg-fsync', 'on') !== 'off',
  /** `--pg-socket on`: the server reaches the throwaway cluster through its Unix socket (one host), not TCP. */
  pgSocket: flag('--pg-socket', 'off') === 'on',
  /**
   * Seconds of the open-loop overview run started as soon as the server answers (0: none). The scheduled
   * checks run at start and every 60 s, so 65 s spans two check cycles (issue 19).
   */
  openLoopSec: intFlag('--open-loop', 65, 0, 600),
  openLoopRate: intFlag('--open-loop-rate', 200, 1, 5000),
  /**
   * Which scenarios run on each engine (all by default). `--scenarios overview,caseload` gives the two
   * audited-read figures of issue 19 alone, without the open loop: about 3 minutes for both engines.
   */
  scenarios: scenarioList(flag('--scenarios', SCENARIO_NAMES.join(','))),
};
const benchDatabaseUrl = process.env.BENCH_DATABASE_URL ?? null;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// Everything stops by itself: a hard ceiling on the whole run, generous against the planned time.
// Each scenario: warm-up, the run, the bare-route probes before and after it and the commit probe.
const scenarioSec = options.warmupSec + options.durationSec + 2 * options.bareProbeSec + 10;
const runsOpenLoop = options.openLoopSec > 0 && options.scenarios.has('open-loop');
const openLoopBudgetSec = runsOpenLoop ? options.openLoopSec + 30 : 0;
const budgetMs =
  (120 +
    scenarioSec * (1 + 3 * options.engines.length) +
    openLoopBudgetSec * options.engines.length +
    90 * options.engines.length + // waiting for a quiet server before the closed-loop scenarios
    options.patients / 100) *
  1000;
const watchdog = setTimeout(() => {
  log(`run exceeded its ${String(Math.round(budgetMs / 1000))} s budget; stopping everything`);
  cleanupAll();
  process.exit(2);
}, budgetMs);
watchdog.unref();
process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanupAll();
    process.exit(130);
  });
}

/** The server's environment: ours minus anything that would point it at another database or change its setup. */
const overriddenEnv = new Set([
  'DATABASE_URL',
  'DATA_DIR',
  'PUBLIC_URL',
  'SMTP_URL',
  'TRUST_PROXY',
  'ARGON2_MEMORY_KIB',
  'LOGIN_MAX_FAILURES',
]);
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !overriddenEnv.has(key));
  return {
    ...Object.fromEntries(kept),
    DUET_DEMO: '0',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    // One bench session sends far more than a person could: the per-session API limit would answer 429.
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...extra,
  };
}

async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} answered ${String(res.status)}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duet_session='));
  if (!cookie) throw new Error('sign-in set no duet_session cookie');
  return { cookie, csrfToken: body.csrfToken };
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${String(res.status)}: ${await res.text()}`);
  return res.json();
}

/** A scenario's figure with what surrounded it: the bare route just before and after, and the machine. */
export interface MeasuredScenario extends ScenarioResult {
  conditions: Conditions;
  bare: { before: number; after: number };
  /** req/s of the scenario over the mean of the two bare-route probes around it. */
  ratioToBare: number;
}

async function probeBare(bare: ServerProcess): Promise<number> {
  const r = await runScenario({
    name: 'bare route',
    engine: '-',
    baseUrl: bare.baseUrl,
    connections: options.connections,
    durationSec: options.bareProbeSec,
    warmupSec: 0,
    paths: ['/bare'],
  });
  return r.requestsPerSec;
}

async function measured(
  s: Scenario,
  bare: ServerProcess,
  target: { dataDir: string; databaseUrl?: string },
): Promise<MeasuredScenario> {
  const before = await probeBare(bare);
  const around = await conditions(target);
  const result = await runScenario(s);
  const after = await probeBare(bare);
  const mean = (before + after) / 2;
  return {
    ...result,
    conditions: around,
    bare: { before, after },
    ratioToBare: mean > 0 ? Math.round((result.requestsPerSec / mean) * 1000) / 1000 : 0,
  };
}

/**
 * Waits until the server is quiet (under 50 ms of CPU in each of two consecutive seconds; at most 90 s) so the
 * closed-loop figures do not include start-up work: the scheduled checks' first cycle and the read workers
 * started by the first caseload read (from source each worker compiles the server through tsx, seconds of
 * CPU, which landed in the caseload's measured window; issue 19, seventh session).
 */
async function settle(server: ServerProcess): Promise<number> {
  const started = Date.now();
  let last = processCpuMs(server.child.pid);
  let quiet = 0;
  while (quiet < 2 && Date.now() - started < 90_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = processCpuMs(server.child.pid);
    if (now === null || last === null) return Date.now() - started;
    quiet = now - last < 50 ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - started;
}

/** The server's event-loop delay since the last ask, over IPC (platform/loop-delay.ts); null if it does not answer. */
function askLoopDelay(server: ServerProcess): Promise<LoopDelayReport | null> {
  const child = server.child;
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== LOOP_DELAY_MESSAGE) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(message as LoopDelayReport);
    };
    const timer = setTimeout(() => {
      child.off('message', listener);
      resolve(null);
    }, 5000);
    child.on('message', listener);
    child.send({ type: LOOP_DELAY_MESSAGE });
  });
}

/** The open-loop run with the server's event-loop delay over the same window. */
export interface OpenLoopMeasured extends OpenLoopResult {
  eventLoopDelayMs: { max: number; p99: number; mean: number } | null;
}

const openLoops: OpenLoopMeasured[] = [];

async function benchEngine(prepared: PreparedEngine, bare: ServerProcess): Promise<MeasuredScenario[]> {
  const { clinic, engine } = prepared;
  const openLoop = runsOpenLoop;
  const server = await startNodeServer({
    name: `duet server (${engine})`,
    script: path.join(repoRoot, 'src/server/main.ts'),
    // NODE_ENV=test only opens the IPC answer of the event-loop delay (never an HTTP route).
    env: serverEnv({ ...prepared.serverEnv, ...(openLoop ? { NODE_ENV: 'test' } : {}) }),
    readyPath: '/api/health',
    ipc: openLoop,
  });
  try {
    const { email, caseload, patientIds } = clinic.clinician;
    const { cookie } = await signIn(server.baseUrl, email, clinic.password);
    // Check the server sees the clinic the generator wrote before timing anything.
    const list = (await getJson(`${server.baseUrl}/api/patients`, cookie)) as { patients: unknown[] };
    if (list.patients.length !== caseload)
      throw new Error(
        `${engine}: caseload has ${String(list.patients.length)} patients, expected ${String(caseload)}`,
      );
    const first = (await getJson(`${server.baseUrl}/api/patients/${patientIds[0] ?? ''}`, cookie)) as {
      careTeam: unknown[];
    };
    if (first.careTeam.length < 2)
      throw new Error(`${engine}: patient overview lists fewer than 2 care-team members`);

    if (openLoop) {
      log(
        `${engine}: open loop, patient overview at ${String(options.openLoopRate)} req/s for ${String(options.openLoopSec)} s (two scheduled-check cycles)`,
      );
      await askLoopDelay(server);
      const run = await runOpenLoop({
        name: 'patient overview (open loop)',
        engine,
        baseUrl: server.baseUrl,
        paths: patientIds.map((id) => `/api/patients/${id}`),
        headers: { cookie },
        rate: options.openLoopRate,
        durationSec: options.openLoopSec,
      });
      const delay = await askLoopDelay(server);
      openLoops.push({
        ...run,
        eventLoopDelayMs: delay ? { max: delay.maxMs, p99: delay.p99Ms, mean: delay.meanMs } : null,
      });
      log(
        `${engine}: open loop sent ${String(run.sent)}, failed ${String(run.failed)}, latency p50/p99/max ${String(run.latencyMs.p50)}/${String(run.latencyMs.p99)}/${String(run.latencyMs.max)} ms; ` +
          `event-loop delay max ${delay ? String(delay.maxMs) : '?'} ms, p99 ${delay ? String(delay.p99Ms) : '?'} ms`,
      );
    }

    const base = {
      engine,
      baseUrl: server.baseUrl,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
    };
    const all: (Scenario & { key: ScenarioName })[] = [
      {
        key: 'login',
        ...base,
        name: 'login',
        connections: options.loginConnections,
        method: 'POST',
        paths: ['/api/auth/login'],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: clinic.password }),
      },
      {
        key: 'caseload',
        ...base,
        name: 'caseload',
        connections: options.connections,
        paths: ['/api/patients'],
        headers: { cookie },
      },
      {
        key: 'overview',
        ...base,
        name: 'patient overview',
        connections: options.connections,
        paths: patientIds.map((id) => `/api/patients/${id}`),
        headers: { cookie },
      },
    ];
    const scenarios: Scenario[] = all
      .filter((s) => options.scenarios.has(s.key))
      .map(({ key: _key, ...s }) => s);
    const results: MeasuredScenario[] = [];
    const target = {
      dataDir: prepared.serverEnv.DATA_DIR,
      ...(prepared.serverEnv.DATABASE_URL ? { databaseUrl: prepared.serverEnv.DATABASE_URL } : {}),
    };
    if (scenarios.length > 0) {
      // A caseload read starts the read workers again if they stopped while idle (during the open loop).
      if (options.scenarios.has('caseload')) await getJson(`${server.baseUrl}/api/patients`, cookie);
      const ms = await settle(server);
      log(`${engine}: server quiet after ${String(Math.round(ms / 1000))} s (start-up checks, read workers)`);
    }
    for (const s of scenarios) {
      log(`${engine}: ${s.name} (${String(s.connections)} connections, ${String(s.durationSec)} s)`);
      results.push(await measured({ ...s, serverPid: server.child.pid }, bare, target));
    }
    return results;
  } catch (err) {
    log(`server output:\n${server.output()}`);
    throw err;
  } finally {
    await server.stop();
  }
}

/** The bare-route server, kept running for the whole bench: probed before and after every scenario. */
function startBare(): Promise<ServerProcess> {
  return startNodeServer({
    name: 'bare fastify',
    script: path.join(repoRoot, 'bench/bare-server.ts'),
    env: { ...process.env },
    readyPath: '/bare',
  });
}

async function benchBare(server: ServerProcess): Promise<ScenarioResult> {
  log(`bare route (${String(options.connections)} connections, ${String(options.durationSec)} s)`);
  return runScenario({
    name: 'bare route',
    engine: '-',
    baseUrl: server.baseUrl,
    connections: options.connections,
    durationSec: options.durationSec,
    warmupSec: options.warmupSec,
    paths: ['/bare'],
    serverPid: server.child.pid,
  });
}

async function main(): Promise<number> {
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
  log(
    `${String(machine.cpus)} x ${machine.cpuModel}, Node ${machine.node}; ${String(options.patients)} patients`,
  );

  const bare = await startBare();
  const results: (ScenarioResult | MeasuredScenario)[] = [await benchBare(bare)];
  const engines: Record<string, unknown> = {};
  for (const engine of options.engines) {
    log(`${engine}: generating the clinic`);
    const prepared = await prepareEngine(engine, {
      patients: options.patients,
      benchDatabaseUrl,
      log,
      pgFsync: options.pgFsync,
      pgSocket: options.pgSocket,
    });
    try {
      const { clinic } = prepared;
      log(
        `${engine}: ${String(clinic.patients)} patients in ${String(clinic.elapsedMs)} ms; signing in as ${clinic.clinician.email} ` +
          `(${clinic.clinician.role}, ${String(clinic.clinician.caseload)} patients)`,
      );
      results.push(...(await benchEngine(prepared, bare)));
      const auditEvents = await prepared.verifyAudit();
      engines[engine] = {
        version: prepared.version,
        source:
          engine === 'postgres'
            ? benchDatabaseUrl
              ? 'BENCH_DATABASE_URL'
              : (options.pgFsync
                  ? 'throwaway cluster (fsync=on, synchronous_commit=on)'
                  : 'throwaway cluster (fsync=off, synchronous_commit=off)') +
                (options.pgSocket ? ', Unix socket' : ', TCP 127.0.0.1')
            : 'temp DATA_DIR (WAL, synchronous=FULL)',
        generateMs: clinic.elapsedMs,
        rows: clinic.rows,
        staff: clinic.staff,
        caseloads: clinic.caseloadRange,
        clinician: { role: clinic.clinician.role, caseload: clinic.clinician.caseload },
        auditEventsAfterRun: auditEvents,
      };
    } finally {
      await prepared.teardown();
    }
  }
  await bare.stop();

  const report = {
    at: new Date().toISOString(),
    patients: options.patients,
    options: { ...options, out: undefined },
    machine,
    engines,
    results,
    openLoops,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(
    '\n' + formatTable(results) + '\n\n' + `results: ${path.relative(process.cwd(), options.out)}\n`,
  );

  for (const o of openLoops)
    process.stdout.write(
      `open loop ${o.engine}: ${String(o.rate)} req/s for ${String(o.durationSec)} s, ${String(o.sent)} sent, ${String(o.failed)} failed; ` +
        `latency from due time p50 ${String(o.latencyMs.p50)} / p99 ${String(o.latencyMs.p99)} / max ${String(o.latencyMs.max)} ms; ` +
        `server event-loop delay max ${String(o.eventLoopDelayMs?.max ?? '?')} / p99 ${String(o.eventLoopDelayMs?.p99 ?? '?')} ms (load ${String(o.loadAverage1m)})\n`,
    );
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.requests === 0);
  for (const r of failed) {
    log(
      `FAILED ${r.scenario} on ${r.engine}: ${String(r.non2xx)} non-2xx ${JSON.stringify(r.statusCodes)}, ${String(r.errors)} errors, ${String(r.timeouts)} timeouts`,
    );
  }
  const openFailed = openLoops.filter((o) => o.failed > 0 || o.sent === 0);
  for (const o of openFailed)
    log(`FAILED open loop on ${o.engine}: ${String(o.failed)} of ${String(o.sent)} failed`);
  return failed.length > 0 || openFailed.length > 0 ? 1 : 0;
}

main()
  .then((code) => {
    cleanupAll();
    process.exit(code);
  })
  .catch((err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    cleanupAll();
    process.exit(1);
  });
