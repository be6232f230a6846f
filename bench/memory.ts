// Memory of the built server (issue 19: idle RSS ≤ 150 MiB with the 5,000-patient clinic, ≤ 300 MiB under
// load): start `node dist/server/main.js` on the bench clinic, then RSS (VmRSS, every thread) and the
// process's own breakdown (process.memoryUsage() through bench/memory-probe.mjs, preloaded for the bench only)
// after 10 s idle, the peak during a 10 s autocannon load (registry, caseload and patient overview, which
// start the read workers), 10 s after it, and, with --wait-idle-stop, once the read workers have stopped.
//
//   npx tsx bench/memory.ts [--patients 5000] [--duration 10] [--connections 10] [--wait-idle-stop]
//   BENCH_SERVER_NODE_ARGS="--max-semi-space-size=16" npx tsx bench/memory.ts   # other V8 flags (they come
//   after scripts/server-node-args.mjs's, so they win)
//   MALLOC_ARENA_MAX=16 npx tsx bench/memory.ts   # glibc's default on 2 cores instead of serverEnvironment's 2
//   node scripts/node24.mjs --exec npx tsx bench/memory.ts   # the same on Node 24 (the server runs on the
//   Node that runs this script, with the better-sqlite3 built for it)
import path from 'node:path';
import { benchArgs } from './args.js';
import {
  benchClinic,
  buildServer,
  loadAverage,
  repoRoot,
  rssMiB,
  serverEnv,
  startUntilHealthy,
  threadCount,
} from './built-server.js';
import { runScenario } from './load.js';
import { cleanupAll } from './processes.js';
import { serverEnvironment, serverNodeArgs } from '../scripts/server-node-args.mjs';

const argv = process.argv.slice(2);
const { int } = benchArgs(argv);
const patients = int('--patients', 5000, 100_000);
const durationSec = int('--duration', 10, 600);
const connections = int('--connections', 10, 1000);
const waitIdleStop = argv.includes('--wait-idle-stop');
process.on('exit', cleanupAll);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const scratch = path.join(repoRoot, '.tmp/bench');
const builtDir = path.join(scratch, 'server');
buildServer(builtDir);
const clinicDir = path.join(scratch, `start-clinic-${String(patients)}`);
const clinic = await benchClinic(clinicDir, patients);

const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
const server = await startUntilHealthy({
  args: [
    '--import',
    path.join(repoRoot, 'bench/memory-probe.mjs'),
    ...serverNodeArgs,
    ...nodeArgs,
    path.join(builtDir, 'main.js'),
  ],
  // What npm start sets (MALLOC_ARENA_MAX), unless this shell sets it: MALLOC_ARENA_MAX=16 npx tsx … compares.
  env: { ...serverEnvironment, ...serverEnv(clinicDir) },
  ipc: true,
});
const pid = server.child.pid ?? 0;

interface Probe {
  memory: NodeJS.MemoryUsage;
  heap: { total_heap_size: number; used_heap_size: number; malloced_memory: number };
}
function probe(): Promise<Probe> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m as Probe));
    server.child.send('memory');
  });
}
async function sample(label: string): Promise<string> {
  const rss = rssMiB(pid);
  const p = await probe();
  return `${label.padEnd(30)} RSS ${String(rss).padStart(6)} MiB  heap used ${String(mib(p.memory.heapUsed)).padStart(5)} / total ${String(mib(p.memory.heapTotal)).padStart(5)} MiB  external ${String(mib(p.memory.external)).padStart(5)} MiB (array buffers ${String(mib(p.memory.arrayBuffers))})  V8 malloced ${String(mib(p.heap.malloced_memory))} MiB  threads ${String(threadCount(pid))}  load ${loadAverage()}`;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: clinic.clinician.email, password: clinic.password }),
  });
  if (!res.ok) throw new Error(`sign-in answered ${String(res.status)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duet_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const lines: string[] = [
  `Memory of the built server, ${String(clinic.patients)} patients, Node ${process.version}, ${[...serverNodeArgs, ...nodeArgs].join(' ')}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? serverEnvironment.MALLOC_ARENA_MAX ?? 'unset'}`,
  await sample('at healthy'),
];
try {
  await sleep(10_000);
  lines.push(await sample('after 10 s idle'));
  const cookie = await signIn();
  let peak = 0;
  const watcher = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 250);
  const result = await runScenario({
    name: 'registry, caseload, overview',
    engine: 'sqlite',
    baseUrl: server.baseUrl,
    connections,
    durationSec,
    warmupSec: 0,
    paths: [
      '/api/registry',
      '/api/patients',
      ...clinic.clinician.patientIds.slice(0, 20).map((id) => `/api/patients/${id}`),
    ],
    headers: { cookie },
    serverPid: pid,
  });
  clearInterval(watcher);
  lines.push(
    `${'peak during load'.padEnd(30)} RSS ${String(peak).padStart(6)} MiB  (${String(result.requestsPerSec)} req/s, server CPU ${String(result.serverCpuMsPerRequest ?? '?')} ms/request, ${String(result.non2xx)} non-2xx, ${String(result.errors)} errors, ${String(connections)} connections, ${String(durationSec)} s)`,
    await sample('at the end of the load'),
  );
  await sleep(10_000);
  lines.push(await sample('10 s after the load'));
  if (waitIdleStop) {
    // The read workers stop after 60 s without reads (src/server/reads/read-pool.ts).
    await sleep(55_000);
    lines.push(await sample('after the read workers stop'));
  }
} finally {
  await server.stop();
}
process.stdout.write(lines.join('\n') + '\n');
