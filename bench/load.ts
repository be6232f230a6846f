// One load scenario through autocannon: a short warm-up (not counted), then a run bounded in time.
// Latency percentiles are computed here from every response's own time (autocannon's summary has no p95).
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
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await fire(s, s.durationSec, (status, ms) => {
    times.push(ms);
    statusCodes[String(status)] = (statusCodes[String(status)] ?? 0) + 1;
  });
  const cpuAfter = processCpuMs(s.serverPid);
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
  };
}
