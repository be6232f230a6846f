// FHIR API benchmark (issue 16): the peer workload a FHIR server is measured with, against Duet's /fhir/R4 with a
// bearer token, next to the bare Fastify route in the same run: a patient's 50 latest Observations
// (`Observation?patient=…&_sort=-date&_count=50`), an Observation read by id, and a QuestionnaireResponse create
// (PHQ-9, scored and run through the safety path), an Observation create when the server takes one, and a system
// Bulk Data `$export` (kick-off, status polled every 100 ms, manifest; resources/s and the server's RSS before,
// at its peak during, and after). Targets: the 50-latest search p95 < 10 ms at 10 connections on SQLite with the
// bench clinic (bench/generate-clinic.ts, two years of PHQ-9/GAD-7 from bench/registry-data.ts); the export
// >= 100,000 resources/s with flat memory.
//
//   npx tsx bench/fhir.ts [--patients 5000] [--duration 10] [--connections 10] [--only search|export|observation-search]
//   (`--only search`: every API scenario without the export; `--only observation-search`: the 50-latest search alone,
//   e.g. to profile it with BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof")
//   BASE=http://127.0.0.1:8103 FHIR_PATH=/fhir/R4 TOKEN=… PATIENT=… npx tsx bench/fhir.ts   # any FHIR server
//
// Without BASE it generates the bench clinic into a temp SQLite database, adds an API client, starts the real
// server (node --import tsx src/server/main.ts) and gets a token from /oauth2/token, as an integration would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '../src/server/config.js';
import { openAndMigrate } from '../src/server/bootstrap.js';
import { prepareEngine } from './engines.js';
import { generateQuestionnaires } from './registry-data.js';
import { runScenario, type ScenarioResult } from './load.js';
import { cleanupAll, startNodeServer, type ServerProcess } from './processes.js';
import { benchArgs } from './args.js';
import { processCpuMs } from './conditions.js';
import { findInstrument } from '../src/shared/measures/instruments.js';

const { int, flag } = benchArgs(process.argv.slice(2));
const options = {
  patients: int('--patients', 5000, 50_000),
  duration: int('--duration', 10, 600),
  connections: int('--connections', 10, 200),
  only: flag('--only', 'all'),
};
const log = (line: string) => process.stderr.write(`[bench:fhir] ${line}\n`);
process.on('exit', cleanupAll);
const repoRoot = path.resolve(import.meta.dirname, '..');

interface Target {
  base: string;
  fhirPath: string;
  token: string;
  patients: string[];
  server: ServerProcess | null;
}

async function ownServer(): Promise<Target> {
  const prepared = await prepareEngine('sqlite', { patients: options.patients, benchDatabaseUrl: null, log });
  const config = loadConfig({ DATA_DIR: prepared.serverEnv.DATA_DIR, LOG_LEVEL: 'silent' });
  const database = await openAndMigrate(config);
  const clinicId = prepared.clinic.clinicId;
  const answers = await generateQuestionnaires(database, clinicId, Date.now());
  log(`${String(answers)} questionnaire answers generated`);
  const secret = randomBytes(32).toString('base64url');
  const clientId = randomUUID();
  const now = Date.now();
  await database.db
    .insertInto('api_clients')
    .values({
      id: clientId,
      clinic_id: clinicId,
      name: 'bench',
      scopes: 'system/*.rs system/QuestionnaireResponse.c system/Observation.c',
      team_member_ids: null,
      secret_hash: createHash('sha256').update(secret).digest('hex'),
      status: 'active',
      version: 1,
      created_by: (
        await database.db
          .selectFrom('users')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where('role', '!=', 'patient')
          .executeTakeFirstOrThrow()
      ).id,
      created_at: now,
      updated_at: now,
      secret_rotated_at: now,
      revoked_at: null,
    })
    .execute();
  await database.close();
  const server = await startNodeServer({
    name: 'duet server (sqlite)',
    script: path.join(repoRoot, 'src/server/main.ts'),
    env: { ...process.env, ...prepared.serverEnv, DUET_DEMO: '0', LOG_LEVEL: 'warn', COOKIE_SECURE: 'false' },
    readyPath: '/api/health',
  });
  const res = await fetch(`${server.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  const token = ((await res.json()) as { access_token: string }).access_token;
  return {
    base: server.baseUrl,
    fhirPath: '/fhir/R4',
    token,
    patients: prepared.clinic.clinician.patientIds,
    server,
  };
}

function externalServer(base: string): Target {
  const token = process.env.TOKEN ?? '';
  const patient = process.env.PATIENT ?? '';
  if (!token || !patient) throw new Error('With BASE, set TOKEN and PATIENT too.');
  return { base, fhirPath: process.env.FHIR_PATH ?? '/fhir/R4', token, patients: [patient], server: null };
}

const phq9 = (patient: string) =>
  JSON.stringify({
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: 'Questionnaire/phq9',
    subject: { reference: `Patient/${patient}` },
    item: Array.from({ length: 9 }, (_, i) => ({
      linkId: `phq9-${String(i + 1)}`,
      answer: [{ valueInteger: i === 8 ? 0 : 1 }],
    })),
  });

/** The server's resident memory in MB (Linux /proc), or null for a server this run did not start. */
function rssMb(server: ServerProcess | null): number | null {
  const pid = server?.child.pid;
  if (pid === undefined) return null;
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return line?.[1] ? Math.round(Number(line[1]) / 1024) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (at most 240 s) until the server this run started is idle: under a second's CPU of 30 ms. A server that
 * starts on a fresh 5,000-patient clinic first catches up its background work (~300 ms of CPU per second for
 * 20-40 s), which the first scenarios would otherwise share a core with (issue 16, 2026-12-07).
 */
async function settled(server: ServerProcess | null): Promise<void> {
  const pid = server?.child.pid;
  if (pid === undefined) return;
  let last = processCpuMs(pid);
  for (let i = 0; i < 240; i++) {
    await sleep(1000);
    const now = processCpuMs(pid);
    if (now === null || last === null || now - last < 30) return;
    last = now;
  }
  log('the server was still busy after 240 s; measuring anyway');
}

interface ExportFigures {
  resources: number;
  files: number;
  seconds: number;
  perSec: number;
  rssBefore: number | null;
  rssPeak: number | null;
  rssAfter: number | null;
  /** Resources per second of the server's CPU time (user + system, all threads), kick-off to manifest. */
  perCpuSec: number | null;
  load: number;
}

/** A system `$export` from kick-off to manifest (status polled every 100 ms); the files are then deleted. */
async function systemExport(target: Target, auth: Record<string, string>): Promise<ExportFigures> {
  const load = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const rssBefore = rssMb(target.server);
  let rssPeak = rssBefore;
  const pid = target.server?.child.pid;
  const cpuBefore = pid === undefined ? null : processCpuMs(pid);
  const started = performance.now();
  const kick = await fetch(`${target.base}${target.fhirPath}/$export`, {
    headers: { ...auth, prefer: 'respond-async' },
  });
  const status = kick.headers.get('content-location');
  if (kick.status !== 202 || !status)
    throw new Error(`$export kick-off: ${String(kick.status)} ${await kick.text()}`);
  let manifest: { output: { count: number }[] } | null = null;
  while (!manifest) {
    await sleep(100);
    const now = rssMb(target.server);
    if (now !== null && (rssPeak === null || now > rssPeak)) rssPeak = now;
    const res = await fetch(status, { headers: auth });
    if (res.status === 200) manifest = (await res.json()) as { output: { count: number }[] };
    else if (res.status !== 202) throw new Error(`$export status: ${String(res.status)} ${await res.text()}`);
    else await res.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = pid === undefined ? null : processCpuMs(pid);
  const rssAfter = rssMb(target.server);
  await fetch(status, { method: 'DELETE', headers: auth });
  const resources = manifest.output.reduce((n, o) => n + o.count, 0);
  return {
    resources,
    files: manifest.output.length,
    seconds: Math.round(seconds * 100) / 100,
    perSec: Math.round(resources / seconds),
    rssBefore,
    rssPeak,
    rssAfter,
    perCpuSec:
      cpuBefore === null || cpuAfter === null || cpuAfter <= cpuBefore
        ? null
        : Math.round(resources / ((cpuAfter - cpuBefore) / 1000)),
    load,
  };
}

/** A PHQ-9 panel Observation, one component per item (docs/fhir.md, "POST /fhir/R4/Observation"). */
const phq9Panel = (patient: string) =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44249-1' }] },
    subject: { reference: `Patient/${patient}` },
    component: (findInstrument('phq9')?.items ?? []).map((item, i) => ({
      code: { coding: [{ system: 'http://loinc.org', code: item.loinc }] },
      valueInteger: i === 8 ? 0 : 1,
    })),
  });

async function main() {
  const bare = await startNodeServer({
    name: 'bare fastify',
    script: path.join(repoRoot, 'bench/bare-server.ts'),
    env: { ...process.env },
    readyPath: '/bare',
  });
  const target = process.env.BASE ? externalServer(process.env.BASE) : await ownServer();
  const auth = { authorization: `Bearer ${target.token}`, accept: 'application/fhir+json' };
  const fhir = target.fhirPath;
  const patients = target.patients.slice(0, 50);
  const first = patients[0] ?? '';
  const search = (await (
    await fetch(`${target.base}${fhir}/Observation?patient=${first}&_sort=-date&_count=50`, { headers: auth })
  ).json()) as {
    total?: number;
    entry?: { resource: { id: string } }[];
  };
  const ids = (search.entry ?? []).map((e) => e.resource.id);
  log(`patient ${first}: ${String(search.total)} Observations; ${String(ids.length)} on the first page`);
  await settled(target.server);
  const common = {
    engine: 'sqlite',
    baseUrl: target.base,
    connections: options.connections,
    durationSec: options.duration,
    warmupSec: 2,
    serverPid: target.server?.child.pid,
  };
  const results: ScenarioResult[] = [];
  results.push(
    await runScenario({
      ...common,
      name: 'bare route',
      baseUrl: bare.baseUrl,
      serverPid: bare.child.pid,
      paths: ['/bare'],
    }),
  );
  if (options.only !== 'export') await apiScenarios(results, common, target, auth, patients, ids, first);
  const exported =
    options.only === 'search' || options.only === 'observation-search'
      ? null
      : await systemExport(target, auth);
  for (const r of results)
    process.stdout.write(
      `${r.scenario.padEnd(32)} ${String(Math.round(r.requestsPerSec)).padStart(7)} req/s  p50 ${String(r.latencyMs.p50)} ms  p95 ${String(r.latencyMs.p95)} ms  p99 ${String(r.latencyMs.p99)} ms  non-2xx ${String(r.non2xx)}  CPU ${String(r.serverCpuMsPerRequest ?? '-')} ms/req  load ${String(r.loadAverage1m)}\n`,
    );
  if (exported)
    process.stdout.write(
      `${'system $export'.padEnd(32)} ${String(exported.perSec).padStart(7)} resources/s (${String(exported.perCpuSec ?? '-')} per server CPU-second)  ${String(exported.resources)} resources in ${String(exported.files)} files, ${String(exported.seconds)} s  RSS ${String(exported.rssBefore)} -> peak ${String(exported.rssPeak)} -> ${String(exported.rssAfter)} MB  load ${String(exported.load)}\n`,
    );
  await target.server?.stop();
  await bare.stop();
  if (results.some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;
}

async function apiScenarios(
  results: ScenarioResult[],
  common: Omit<Parameters<typeof runScenario>[0], 'name' | 'paths'>,
  target: Target,
  auth: Record<string, string>,
  patients: string[],
  ids: string[],
  first: string,
) {
  const fhir = target.fhirPath;
  results.push(
    await runScenario({
      ...common,
      name: 'Observation search, 50 latest',
      headers: auth,
      paths: patients.map((p) => `${fhir}/Observation?patient=${p}&_sort=-date&_count=50`),
    }),
  );
  if (options.only === 'observation-search') return;
  results.push(
    await runScenario({
      ...common,
      name: 'Observation read by id',
      headers: auth,
      paths: ids.map((id) => `${fhir}/Observation/${id}`),
    }),
  );
  results.push(
    await runScenario({
      ...common,
      name: 'QuestionnaireResponse create',
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/fhir+json' },
      body: phq9(first),
      paths: [`${fhir}/QuestionnaireResponse`],
    }),
  );
  // Observation create: measured where the server takes one (a probe first), otherwise said so.
  const probe = await fetch(`${target.base}${fhir}/Observation`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/fhir+json' },
    body: phq9Panel(first),
  });
  if (probe.status === 201)
    results.push(
      await runScenario({
        ...common,
        name: 'Observation create',
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/fhir+json' },
        body: phq9Panel(first),
        paths: [`${fhir}/Observation`],
      }),
    );
  else
    log(`Observation create not measured: the server answered ${String(probe.status)} ${await probe.text()}`);
}

await main();
