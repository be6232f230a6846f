// One load scenario through autocannon: a short warm-up (not counted), then a run bounded in time.
// Latency percentiles are computed here from every response's own time (autocannon's summary has no p95).
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { processCpuMs } from './conditions.js';

export interface Scenario {
  name: string;
  engine: string;
  baseUrl: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  method?: 'GET' | 'POST';
  /** One path, or several that the requests cycle through (e.g. every patient on the team). */
  paths: string[];
  headers?: Record<string, string>;
  body?: string;
  /** The server's process id: its CPU time per request is reported (a figure the machine's load skews less). */
  serverPid?: number;
}

export interface ScenarioResult {
  scenario: string;
  engine: string;
  connections: number;
  durationSec: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Responses outside 2xx, by status code. */
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Socket errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
  /** The machine's 1-minute load average when the measured run started (other work skews the figures). */
  loadAverage1m: number;
  /** The server's CPU time (all threads) per answered request during the measured run, in ms. */
  serverCpuMsPerRequest?: number | null;
  /**
   * The server's main thread alone (its event loop: HTTP, the audit append and every SQL statement run there)
   * per answered request, in ms: the figure that caps req/s, since read workers and libuv's threads (the WAL
   * flush) use the other cores (issue 19).
   */
  serverMainThreadCpuMsPerRequest?: number | null;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function fire(s: Scenario, durationSec: number, onResponse: (status: number, ms: number) => void) {
  let next = 0;
  const paths = s.paths;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: s.baseUrl,
        connections: s.connections,
        duration: durationSec,
        timeout: 30,
        method: s.method ?? 'GET',
        headers: s.headers ?? {},
        ...(s.body === undefined ? {} : { body: s.body }),
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] ?? '/' }),
          },
        ],
      },
      (err: unknown, result) => {
        if (err) reject(err instanceof Error ? err : new Error('autocannon failed', { cause: err }));
        else resolve(result);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      onResponse(statusCode, responseTime);
    });
  });
}

export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  if (s.warmupSec > 0) await fire(s, s.warmupSec, () => undefined);
  const loadAverage1m = round2(os.loadavg()[0] ?? 0);
  const cpuBefore = processCpuMs(s.serverPid);
  const mainBefore = mainThreadCpuMs(s.serverPid);
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await fire(s, s.durationSec, (status, ms) => {
    times.push(ms);
    statusCodes[String(status)] = (statusCodes[String(status)] ?? 0) + 1;
  });
  const cpuAfter = processCpuMs(s.serverPid);
  const mainAfter = mainThreadCpuMs(s.serverPid);
  times.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  const elapsedSec = result.duration > 0 ? result.duration : s.durationSec;
  return {
    scenario: s.name,
    engine: s.engine,
    connections: s.connections,
    durationSec: round2(elapsedSec),
    requests: times.length,
    requestsPerSec: round2(times.length / elapsedSec),
    latencyMs: {
      p50: round2(percentile(times, 50)),
      p95: round2(percentile(times, 95)),
      p99: round2(percentile(times, 99)),
      max: round2(times[times.length - 1] ?? 0),
      mean: round2(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    },
    non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverage1m,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || times.length === 0
        ? null
        : Math.round(((cpuAfter - cpuBefore) / times.length) * 1000) / 1000,
    serverMainThreadCpuMsPerRequest:
      mainBefore === null || mainAfter === null || times.length === 0
        ? null
        : Math.round(((mainAfter - mainBefore) / times.length) * 1000) / 1000,
  };
}

/** CPU time (user + system) of a process's main thread so far, in ms (its task has the process's id). */
function mainThreadCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/task/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** An open-loop run: requests sent on a fixed schedule, whatever the server does (issue 19). */
export interface OpenLoopScenario {
  name: string;
  engine: string;
  baseUrl: string;
  paths: readonly string[];
  headers: Record<string, string>;
  /** Requests per second, sent on schedule. */
  rate: number;
  durationSec: number;
}

export interface OpenLoopResult {
  scenario: string;
  engine: string;
  rate: number;
  durationSec: number;
  sent: number;
  failed: number;
  /** Latency from when each request was due (a stall counts in full), ms. */
  latencyMs: { p50: number; p99: number; max: number };
  loadAverage1m: number;
}

/**
 * The n-th request is due at start + n / rate and is sent then, even while earlier ones wait (a slow server
 * does not slow the sender down, unlike autocannon's closed loop); its latency counts from its due time.
 */
export async function runOpenLoop(s: OpenLoopScenario): Promise<OpenLoopResult> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / s.rate;
  const started = performance.now();
  const endAt = started + s.durationSec * 1000;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const due = started + sent * intervalMs;
    if (due >= endAt) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const path = s.paths[sent % s.paths.length] ?? '/';
    sent++;
    const request = fetch(`${s.baseUrl}${path}`, { headers: s.headers, signal: AbortSignal.timeout(30_000) })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - due);
        else failed++;
      })
      .catch(() => {
        failed++;
      });
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    scenario: s.name,
    engine: s.engine,
    rate: s.rate,
    durationSec: s.durationSec,
    sent,
    failed,
    latencyMs: {
      p50: round2(percentile(latencies, 50)),
      p99: round2(percentile(latencies, 99)),
      max: round2(latencies.at(-1) ?? 0),
    },
    loadAverage1m: round2(os.loadavg()[0] ?? 0),
  };
}
