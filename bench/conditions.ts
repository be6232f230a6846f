// What the machine was doing while a figure was taken (issue 19, benchmark method): the load average misses
// disk contention, which moved commit times 4x, so every figure also carries /proc/pressure (cpu and io, the
// share of the last 10 s in which some task waited) and the time of one durable commit measured just before.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import SQLite from 'better-sqlite3';
import pg from 'pg';

export interface Pressure {
  /** % of the last 10 s in which at least one task waited for a CPU (null where /proc/pressure is missing). */
  cpuSome10: number | null;
  /** % of the last 10 s in which at least one task waited for the disk. */
  ioSome10: number | null;
  ioFull10: number | null;
}

export interface Conditions extends Pressure {
  loadAverage1m: number;
  /** One small durable commit on the engine under test, median and p99 of 20 (ms). */
  commitMs: { p50: number; p99: number } | null;
}

function readPressure(kind: 'cpu' | 'io'): { some: number | null; full: number | null } {
  try {
    const text = fs.readFileSync(`/proc/pressure/${kind}`, 'utf8');
    const avg10 = (line: string) => {
      const m = /avg10=([\d.]+)/.exec(text.split('\n').find((l) => l.startsWith(line)) ?? '');
      return m?.[1] === undefined ? null : Number(m[1]);
    };
    return { some: avg10('some'), full: avg10('full') };
  } catch {
    return { some: null, full: null };
  }
}

export function pressure(): Pressure {
  const cpu = readPressure('cpu');
  const io = readPressure('io');
  return { cpuSome10: cpu.some, ioSome10: io.some, ioFull10: io.full };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Nearest-rank median and p99. */
function summarise(times: number[]): { p50: number; p99: number } {
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  return { p50: round2(at(50)), p99: round2(at(99)) };
}

/**
 * A commit as durable as the server's: on SQLite a probe file beside the database (WAL, synchronous=FULL,
 * the same disk); on PostgreSQL an insert into a probe table of the bench database (autocommit, the
 * cluster's own fsync setting).
 */
export async function commitLatency(target: { dataDir: string; databaseUrl?: string }): Promise<{
  p50: number;
  p99: number;
}> {
  const times: number[] = [];
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      await client.query('create table if not exists bench_commit_probe (at bigint not null)');
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        await client.query('insert into bench_commit_probe (at) values ($1)', [i]);
        times.push(performance.now() - start);
      }
    } finally {
      await client.end();
    }
    return summarise(times);
  }
  const file = path.join(target.dataDir, 'bench-commit-probe.sqlite');
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table if not exists probe (at integer not null)');
    const insert = db.prepare('insert into probe (at) values (?)');
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      insert.run(i);
      times.push(performance.now() - start);
    }
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  return summarise(times);
}

export async function conditions(
  target: { dataDir: string; databaseUrl?: string } | null,
): Promise<Conditions> {
  const commitMs = target ? await commitLatency(target) : null;
  return { loadAverage1m: round2(os.loadavg()[0] ?? 0), ...pressure(), commitMs };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; null when /proc cannot say. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
