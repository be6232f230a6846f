// Registry benchmark (issue 5): GET /api/registry on a clinic of N patients with 2 years of PHQ-9/GAD-7,
// on SQLite and PostgreSQL, next to the bare-route ceiling in the same run. See docs/benchmarks.md.
//
//   npx tsx bench/registry.ts [--patients 5000] [--duration 10] [--warmup 2] [--connections 10]
//                             [--engines sqlite,postgres] [--out .tmp/bench/registry.json]
//                             [--medications]   (also 2-3 medications a patient with ~3 months of dose logs)
//
// All traffic goes to 127.0.0.1; every wait is bounded; servers, clusters and temp directories are removed
// on every exit path. The server runs with DUET_WORKER=0 so the measured figures are the registry's alone;
// the treat-to-target scheduled check is timed separately, in process, over the whole clinic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import { checkTreatToTarget } from '../src/server/features/registry/treat-to-target.check.js';
import { prepareEngine, type EngineName, type PreparedEngine } from './engines.js';
import { runScenario, type ScenarioResult } from './load.js';
import { cleanupAll, startNodeServer } from './processes.js';
import { formatTable } from './report.js';
import { benchArgs } from './args.js';
import { generateQuestionnaires } from './registry-data.js';
import { generateMedications } from './medications-data.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const { flag, int } = benchArgs(process.argv.slice(2));
const options = {
  patients: int('--patients', 5000, 50_000),
  durationSec: int('--duration', 10, 120),
  warmupSec: int('--warmup', 2, 30),
  connections: int('--connections', 10, 100),
  engines: flag('--engines', 'sqlite,postgres')
    .split(',')
    .filter((e): e is EngineName => e === 'sqlite' || e === 'postgres'),
  out: path.resolve(repoRoot, flag('--out', '.tmp/bench/registry.json')),
  medications: process.argv.includes('--medications'),
};
const log = (line: string) => process.stderr.write(`[bench:registry] ${line}\n`);

const budgetMs = (240 + (options.warmupSec + options.durationSec + 5) * 5 + options.patients / 20) * 1000;
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

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${String(res.status)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duet_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

interface Prepared {
  questionnaires: number;
  careManager: { email: string; caseload: number };
  checkMs: { first: number; again: number };
}

/** Adds the questionnaires, picks the busiest care manager and times the scheduled check twice. */
async function addMeasures(prepared: PreparedEngine): Promise<Prepared> {
  const config = loadConfig({ ...prepared.serverEnv, DUET_DEMO: '0' });
  const database = await openAndMigrate(config);
  try {
    const t0 = Date.now();
    const questionnaires = await generateQuestionnaires(database, prepared.clinic.clinicId, Date.now());
    if (options.medications) {
      // The registry's 14-day adherence reads recent logs only: a quarter of a year of them is enough.
      const meds = await generateMedications(database, prepared.clinic.clinicId, Date.now(), {
        years: 0.25,
        loggers: 0,
      });
      log(`${prepared.engine}: ${String(meds.medications)} medications, ${String(meds.doseLogs)} dose logs`);
    }
    if (prepared.engine === 'postgres') await sql`analyze`.execute(database.db);
    log(`${prepared.engine}: ${String(questionnaires)} questionnaires in ${String(Date.now() - t0)} ms`);
    const busiest = await database.db
      .selectFrom('care_team_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.email', (eb) => eb.fn.countAll<number>().as('n')])
      .where('m.role', '=', 'care_manager')
      .groupBy('u.email')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const deps = createDeps(config, database);
    const a = Date.now();
    await checkTreatToTarget(deps);
    const b = Date.now();
    await checkTreatToTarget(deps);
    const checkMs = { first: b - a, again: Date.now() - b };
    return { questionnaires, careManager: { email: busiest.email, caseload: busiest.n }, checkMs };
  } finally {
    await database.close();
  }
}

async function benchEngine(prepared: PreparedEngine, extra: Prepared): Promise<ScenarioResult[]> {
  const server = await startNodeServer({
    name: `duet server (${prepared.engine})`,
    script: path.join(repoRoot, 'src/server/main.ts'),
    env: serverEnv(prepared.serverEnv),
    readyPath: '/api/health',
  });
  try {
    const who = [
      { label: `care manager, all (${String(extra.careManager.caseload)})`, ...extra.careManager },
      {
        label: `prescriber, mine (${String(prepared.clinic.clinician.caseload)})`,
        ...prepared.clinic.clinician,
      },
    ];
    const results: ScenarioResult[] = [];
    for (const w of who) {
      const cookie = await signIn(server.baseUrl, w.email, prepared.clinic.password);
      const check = await fetch(`${server.baseUrl}/api/registry`, {
        headers: { cookie },
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await check.json()) as { total: number };
      if (!check.ok || body.total !== w.caseload)
        throw new Error(
          `${prepared.engine}: registry answered ${String(check.status)} with ${String(body.total)} patients`,
        );
      log(`${prepared.engine}: registry as ${w.label}`);
      results.push(
        await runScenario({
          name: `registry: ${w.label}`,
          engine: prepared.engine,
          baseUrl: server.baseUrl,
          connections: options.connections,
          durationSec: options.durationSec,
          warmupSec: options.warmupSec,
          paths: ['/api/registry'],
          headers: { cookie },
        }),
      );
    }
    return results;
  } catch (err) {
    log(`server output:\n${server.output()}`);
    throw err;
  } finally {
    await server.stop();
  }
}

async function bare(): Promise<ScenarioResult> {
  const server = await startNodeServer({
    name: 'bare fastify',
    script: path.join(repoRoot, 'bench/bare-server.ts'),
    env: { ...process.env },
    readyPath: '/bare',
  });
  try {
    return await runScenario({
      name: 'bare route',
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

async function main(): Promise<number> {
  const cpu = os.cpus();
  log(
    `${String(cpu.length)} x ${cpu[0]?.model ?? '?'}, Node ${process.version}; ${String(options.patients)} patients`,
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
      const extra = await addMeasures(prepared);
      log(
        `${engine}: scheduled check over the clinic: ${String(extra.checkMs.first)} ms, again ${String(extra.checkMs.again)} ms`,
      );
      results.push(...(await benchEngine(prepared, extra)));
      engines[engine] = { version: prepared.version, ...extra };
    } finally {
      await prepared.teardown();
    }
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(
    options.out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        options: { ...options, out: undefined },
        cpus: cpu.length,
        engines,
        results,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write('\n' + formatTable(results) + '\n' + JSON.stringify(engines) + '\n');
  return results.some((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.requests === 0) ? 1 : 0;
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
