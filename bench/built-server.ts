// The built server for the start and memory benchmarks (issue 19): build it once into a scratch directory,
// make the 5,000-patient clinic once, start `node dist/server/main.js` and read a process's resident memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import { BENCH_PASSWORD, generateClinic, type GeneratedClinic } from './generate-clinic.js';
import { freePort, onExit } from './processes.js';
import { processCpuMs } from './conditions.js';

export const repoRoot = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the server (scripts/build-server.mjs) into `outdir` (inside the repository, so it finds node_modules). */
export function buildServer(outdir: string): void {
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the server build failed');
}

/** The generated clinic in `dataDir`, made once and reused (clinic.json beside the database says what is in it). */
export async function benchClinic(dataDir: string, patients: number): Promise<GeneratedClinic> {
  const manifest = path.join(dataDir, 'clinic.json');
  if (fs.existsSync(manifest)) return JSON.parse(fs.readFileSync(manifest, 'utf8')) as GeneratedClinic;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir });
  const database = await openAndMigrate(config);
  try {
    const deps = createDeps(config, database);
    const clinic = await generateClinic(database, await deps.passwords.hash(BENCH_PASSWORD), { patients });
    fs.writeFileSync(manifest, JSON.stringify(clinic));
    return clinic;
  } finally {
    await database.close();
  }
}

/** The environment the bench servers run with: ours, minus anything that points elsewhere. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dropped = new Set([
    'DATABASE_URL',
    'DATA_DIR',
    'PUBLIC_URL',
    'SMTP_URL',
    'TRUST_PROXY',
    'DUET_WORKER',
  ]);
  const kept = Object.entries(process.env).filter(([key]) => !dropped.has(key));
  return {
    ...Object.fromEntries(kept),
    DATA_DIR: dataDir,
    DUET_DEMO: '0',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    HOST: '127.0.0.1',
    ...extra,
  };
}

export interface Started {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from /api/health (polled every `pollMs`). */
  healthyMs: number;
  /** CPU time (all threads) the process had used by then: what a loaded machine skews least. */
  cpuMs: number | null;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` with PORT set and polls /api/health every `pollMs` until it answers 200. */
export async function startUntilHealthy(opts: {
  args: string[];
  env: NodeJS.ProcessEnv;
  pollMs?: number;
  timeoutMs?: number;
  /** Open an IPC channel to the child (bench/memory-probe.mjs answers on it). */
  ipc?: boolean;
}): Promise<Started> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const started = performance.now();
  const child = spawn(process.execPath, opts.args, {
    cwd: repoRoot,
    env: { ...opts.env, PORT: String(port) },
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const remove = onExit(() => child.kill('SIGKILL'));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = started + (opts.timeoutMs ?? 60_000);
  let healthyMs = -1;
  let cpuMs: number | null = null;
  while (healthyMs < 0) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${tail}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not healthy in time:\n${tail}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) {
        healthyMs = performance.now() - started;
        cpuMs = processCpuMs(child.pid);
      }
    } catch {
      await sleep(opts.pollMs ?? 10);
    }
  }
  return {
    child,
    baseUrl,
    healthyMs,
    cpuMs,
    output: () => tail,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const late = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
        if (late) child.kill('SIGKILL');
        await exited;
      }
      remove();
    },
  };
}

/** Resident memory of a process in MiB (VmRSS from /proc/<pid>/status); threads included. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${String(pid)}`);
  return Math.round((Number(kb) / 1024) * 10) / 10;
}

/** Threads of a process (the main thread, libuv's pool, V8's helpers and any worker threads). */
export function threadCount(pid: number): number {
  const status = fs.readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
