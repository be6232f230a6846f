// Medications benchmark (issue 4): a clinic of N patients with 2 years of dose logs for 2-3 medications each;
// p50/p95 of the patient's Today, the patient's adherence summary and logging a dose (new client ids each
// time), on SQLite and PostgreSQL, next to the bare-route ceiling measured in the same run. Also times, in
// process, the adherence scheduled check over the whole clinic and the registry's batched 14-day adherence.
// See docs/benchmarks.md.
//
//   npx tsx bench/medications.ts [--patients 5000] [--years 2] [--duration 10] [--warmup 2]
//                                [--connections 10] [--patients-signed-in 200] [--engines sqlite,postgres]
//                                [--out .tmp/bench/medications.json]
//
// Every request is made by a signed-in patient about their own record (as the phone app does). All traffic
// goes to 127.0.0.1; every wait is bounded; servers, clusters and temp directories are removed on every exit
// path. The server runs with DUET_WORKER=0 so the figures are the routes' alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import { checkAdherence } from '../src/server/features/adherence/adherence.check.js';
import { adherenceForPatients } from '../src/server/features/adherence/adherence.service.js';
import { prepareEngine, type EngineName, type PreparedEngine } from './engines.js';
import { percentile, runScenario, type ScenarioResult } from './load.js';
import { generateMedications, type GeneratedMedications, type OpenDose } from './medications-data.js';
import { cleanupAll, startNodeServer } from './processes.js';
import { formatTable } from './report.js';
import { benchArgs } from './args.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const { flag, int } = benchArgs(process.argv.slice(2));
const options = {
  patients: int('--patients', 5000, 50_000),
  years: int('--years', 2, 5),
  durationSec: int('--duration', 10, 120),
  warmupSec: int('--warmup', 2, 30),
  connections: int('--connections', 10, 100),
  signedIn: int('--patients-signed-in', 200, 2000),
  engines: flag('--engines', 'sqlite,postgres')
    .split(',')
    .filter((e): e is EngineName => e === 'sqlite' || e === 'postgres'),
  out: path.resolve(repoRoot, flag('--out', '.tmp/bench/medications.json')),
};
const log = (line: string) => process.stderr.write(`[bench:medications] ${line}\n`);

// Generous: filling 2 years of dose logs for 5,000 patients takes minutes per engine on a shared machine.
const budgetMs =
  (600 + (options.warmupSec + options.durationSec + 5) * 8 + options.patients * options.years * 0.6) * 1000;
setTimeout(() => {
  log('run exceeded its budget; stopping everything');
  cleanupAll();
  process.exit(2);
}, budgetMs).unref();
process.on('exit', cleanupAll);
for (const s of ['SIGINT', 'SIGTERM'] as const)
  process.on(s, () => {
    cleanupAll();
    process.exit(130);
  });

const dropped = new Set(['DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'SMTP_URL', 'TRUST_PROXY', 'DUET_WORKER']);
const serverEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.has(k))),
  DUET_DEMO: '0',
  DUET_WORKER: '0',
  LOG_LEVEL: 'warn',
  COOKIE_SECURE: 'false',
  ...extra,
});

interface PatientSession {
  patientId: string;
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${String(res.status)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duet_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

interface Prepared extends GeneratedMedications {
  emails: Map<string, string>;
  checkMs: { first: number; again: number };
  registryAdherenceMs: number;
}

/** Adds the medications and dose logs, then times the scheduled check and the registry's batched adherence. */
async function addMedications(prepared: PreparedEngine): Promise<Prepared> {
  const config = loadConfig({ ...prepared.serverEnv, DUET_DEMO: '0' });
  const database = await openAndMigrate(config);
  try {
    const t0 = Date.now();
    const generated = await generateMedications(database, prepared.clinic.clinicId, Date.now(), {
      years: options.years,
      loggers: options.signedIn,
      log: (l) => log(`${prepared.engine}: ${l}`),
    });
    await sql`analyze`.execute(database.db);
    log(
      `${prepared.engine}: ${String(generated.medications)} medications, ${String(generated.doseLogs)} dose logs in ${String(Date.now() - t0)} ms`,
    );
    const users = await database.db
      .selectFrom('patients as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.id', 'u.email'])
      .where('p.id', 'in', generated.loggers.length > 0 ? generated.loggers : [''])
      .execute();
    const deps = createDeps(config, database);
    const a = Date.now();
    await checkAdherence(deps);
    const b = Date.now();
    await checkAdherence(deps);
    const c = Date.now();
    const all = await database.db
      .selectFrom('patients')
      .select('id')
      .where('clinic_id', '=', prepared.clinic.clinicId)
      .execute();
    await adherenceForPatients(
      database.db,
      prepared.clinic.clinicId,
      all.map((p) => p.id),
      Date.now(),
    );
    return {
      ...generated,
      emails: new Map(users.map((u) => [u.id, u.email])),
      checkMs: { first: b - a, again: c - b },
      registryAdherenceMs: Date.now() - c,
    };
  } finally {
    await database.close();
  }
}

/** POSTs a dose log for each open dose in turn (a fresh client id each), at most once per dose. */
async function logDoses(
  name: string,
  engine: string,
  baseUrl: string,
  doses: OpenDose[],
  sessions: Map<string, PatientSession>,
  durationSec: number,
): Promise<ScenarioResult> {
  let next = 0;
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  const loadAverage1m = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: durationSec,
        amount: doses.length,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              const dose = doses[next++ % doses.length];
              const s = dose ? sessions.get(dose.patientId) : undefined;
              if (!dose || !s) return req;
              return {
                ...req,
                method: 'POST',
                path: `/api/patients/${dose.patientId}/doses`,
                headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
                body: JSON.stringify({
                  id: randomUUID(),
                  medicationId: dose.medicationId,
                  doseKey: dose.doseKey,
                  status: 'taken',
                }),
              };
            },
          },
        ],
      },
      (err: unknown, r) => {
        if (err) reject(err instanceof Error ? err : new Error('autocannon failed', { cause: err }));
        else resolve(r);
      },
    );
    instance.on('response', (_c, statusCode, _b, ms) => {
      times.push(ms);
      statusCodes[String(statusCode)] = (statusCodes[String(statusCode)] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  const elapsedSec = Math.max(0.001, (Date.now() - started) / 1000);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    scenario: name,
    engine,
    connections: options.connections,
    durationSec: round2(elapsedSec),
    requests: times.length,
    requestsPerSec: round2(times.length / elapsedSec),
    latencyMs: {
      p50: round2(percentile(times, 50)),
      p95: round2(percentile(times, 95)),
      p99: round2(percentile(times, 99)),
      max: round2(times.at(-1) ?? 0),
      mean: round2(times.reduce((x, y) => x + y, 0) / Math.max(1, times.length)),
    },
    non2xx: Object.entries(statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((sum, [, n]) => sum + n, 0),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverage1m,
  };
}

async function benchEngine(prepared: PreparedEngine, extra: Prepared): Promise<ScenarioResult[]> {
  const server = await startNodeServer({
    name: `duet server (${prepared.engine})`,
    script: path.join(repoRoot, 'src/server/main.ts'),
    env: serverEnv(prepared.serverEnv),
    readyPath: '/api/health',
  });
  try {
    const sessions = new Map<string, PatientSession>();
    for (const [patientId, email] of extra.emails)
      sessions.set(patientId, {
        patientId,
        ...(await signIn(server.baseUrl, email, prepared.clinic.password)),
      });
    log(`${prepared.engine}: ${String(sessions.size)} patients signed in`);
    const list = [...sessions.values()];
    // Check the server sees the generated data before timing anything.
    const first = list[0];
    if (!first) throw new Error('no patient signed in');
    const check = await fetch(`${server.baseUrl}/api/patients/${first.patientId}/adherence`, {
      headers: { cookie: first.cookie },
      signal: AbortSignal.timeout(30_000),
    });
    const summary = (await check.json()) as { overall?: { days: number; scheduled: number }[] };
    const scheduled90 = summary.overall?.find((w) => w.days === 90)?.scheduled ?? 0;
    if (!check.ok || scheduled90 < 90)
      throw new Error(
        `${prepared.engine}: adherence answered ${String(check.status)}, ${String(scheduled90)} doses`,
      );

    const base = {
      engine: prepared.engine,
      baseUrl: server.baseUrl,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: 0,
    };
    const results: ScenarioResult[] = [];
    // GETs: each request is one patient reading their own record. autocannon sends one header set per
    // scenario, so every signed-in patient gets a short scenario slot in turn through setupRequest.
    for (const [name, suffix] of [
      ["patient's Today", 'doses/today'],
      ["patient's adherence summary", 'adherence'],
    ] as const) {
      let i = 0;
      const paths = list.map((s) => `/api/patients/${s.patientId}/${suffix}`);
      const cookies = list.map((s) => s.cookie);
      log(`${prepared.engine}: ${name}`);
      results.push(
        await runVariedGet(name, base, options.warmupSec, () => {
          const k = i++ % paths.length;
          return { path: paths[k] ?? '/', cookie: cookies[k] ?? '' };
        }),
      );
    }
    // Logging: open doses in random order across patients (a clinic's morning), each once.
    const doses = [...extra.openDoses].sort((a, b) => (a.doseKey < b.doseKey ? -1 : 1));
    const warm = doses.splice(0, Math.min(200, Math.floor(doses.length / 10)));
    await logDoses('warm-up', prepared.engine, server.baseUrl, warm, sessions, options.warmupSec);
    log(`${prepared.engine}: logging doses (${String(doses.length)} open)`);
    results.push(
      await logDoses(
        'log a dose (new id)',
        prepared.engine,
        server.baseUrl,
        doses,
        sessions,
        options.durationSec,
      ),
    );
    return results;
  } catch (err) {
    log(`server output:\n${server.output()}`);
    throw err;
  } finally {
    await server.stop();
  }
}

/** A GET scenario whose path and cookie change per request (load.ts sends one header set per scenario). */
async function runVariedGet(
  name: string,
  base: { engine: string; baseUrl: string; connections: number; durationSec: number },
  warmupSec: number,
  next: () => { path: string; cookie: string },
): Promise<ScenarioResult> {
  const run = (durationSec: number, onResponse: (status: number, ms: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base.baseUrl,
          connections: base.connections,
          duration: durationSec,
          timeout: 30,
          requests: [
            {
              setupRequest: (req) => {
                const n = next();
                return { ...req, method: 'GET', path: n.path, headers: { cookie: n.cookie } };
              },
            },
          ],
        },
        (err: unknown, r) => {
          if (err) reject(err instanceof Error ? err : new Error('autocannon failed', { cause: err }));
          else resolve(r);
        },
      );
      instance.on('response', (_c, statusCode, _b, ms) => onResponse(statusCode, ms));
    });
  if (warmupSec > 0) await run(warmupSec, () => undefined);
  const loadAverage1m = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await run(base.durationSec, (status, ms) => {
    times.push(ms);
    statusCodes[String(status)] = (statusCodes[String(status)] ?? 0) + 1;
  });
  times.sort((a, b) => a - b);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const elapsed = result.duration > 0 ? result.duration : base.durationSec;
  return {
    scenario: name,
    engine: base.engine,
    connections: base.connections,
    durationSec: round2(elapsed),
    requests: times.length,
    requestsPerSec: round2(times.length / elapsed),
    latencyMs: {
      p50: round2(percentile(times, 50)),
      p95: round2(percentile(times, 95)),
      p99: round2(percentile(times, 99)),
      max: round2(times.at(-1) ?? 0),
      mean: round2(times.reduce((x, y) => x + y, 0) / Math.max(1, times.length)),
    },
    non2xx: Object.entries(statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((sum, [, n]) => sum + n, 0),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverage1m,
  };
}

async function bare(name = 'bare route'): Promise<ScenarioResult> {
  const server = await startNodeServer({
    name: 'bare fastify',
    script: path.join(repoRoot, 'bench/bare-server.ts'),
    env: { ...process.env },
    readyPath: '/bare',
  });
  try {
    return await runScenario({
      name,
      engine: '-',
      baseUrl: server.baseUrl,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      paths: ['/bare'],
    });
  } finally {
    await server.stop();
  }
}

function save(results: ScenarioResult[], engines: Record<string, unknown>, cpus: number): void {
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(
    options.out,
    JSON.stringify(
      { at: new Date().toISOString(), options: { ...options, out: undefined }, cpus, engines, results },
      null,
      2,
    ) + '\n',
  );
}

async function main(): Promise<number> {
  const cpu = os.cpus();
  log(
    `${String(cpu.length)} x ${cpu[0]?.model ?? '?'}, Node ${process.version}; ${String(options.patients)} patients, ${String(options.years)} years; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results: ScenarioResult[] = [await bare()];
  const engines: Record<string, unknown> = {};
  for (const engine of options.engines) {
    const prepared = await prepareEngine(engine, {
      patients: options.patients,
      benchDatabaseUrl: process.env.BENCH_DATABASE_URL ?? null,
      log,
    });
    try {
      const extra = await addMedications(prepared);
      log(
        `${engine}: adherence check over the clinic ${String(extra.checkMs.first)} ms, again ${String(extra.checkMs.again)} ms; registry 14-day adherence for all patients ${String(extra.registryAdherenceMs)} ms`,
      );
      results.push(...(await benchEngine(prepared, extra)));
      engines[engine] = {
        version: prepared.version,
        medications: extra.medications,
        doseLogs: extra.doseLogs,
        checkMs: extra.checkMs,
        registryAdherenceMs: extra.registryAdherenceMs,
      };
      // Saved after each engine, so a later failure keeps what was measured.
      save(results, engines, cpu.length);
      process.stderr.write('\n' + formatTable(results) + '\n');
    } finally {
      await prepared.teardown();
    }
  }
  results.push(await bare('bare route (again, at the end)'));
  save(results, engines, cpu.length);
  process.stdout.write('\n' + formatTable(results) + '\n' + JSON.stringify(engines) + '\n');
  return results.some((r) => r.errors > 0 || r.timeouts > 0 || r.requests === 0 || r.non2xx > 0) ? 1 : 0;
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
