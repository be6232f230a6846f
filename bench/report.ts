import type { Conditions } from './conditions.js';
import type { ScenarioResult } from './load.js';

/** A scenario with what surrounded it (bench/run.ts): the bare route around it and the machine's state. */
type Row = ScenarioResult & {
  conditions?: Conditions;
  bare?: { before: number; after: number };
  ratioToBare?: number;
};

const orDash = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '-' : x.toFixed(digits);

/**
 * A plain-text table: one row per scenario and engine, with the server's CPU time per request, the bare
 * route measured right before/after (req/s) and the ratio to it, the load average, CPU and IO pressure
 * (% of the last 10 s some task waited) and one durable commit's median time just before.
 */
export function formatTable(results: Row[]): string {
  const header = [
    'scenario',
    'engine',
    'conns',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors/non-2xx',
    'cpu ms/req',
    'main ms/req',
    'bare before/after',
    'ratio',
    'load',
    'psi cpu/io',
    'commit ms',
  ];
  const rows = results.map((r) => [
    r.scenario,
    r.engine,
    String(r.connections),
    r.requestsPerSec.toFixed(0),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    `${String(r.errors + r.timeouts)}/${String(r.non2xx)}`,
    orDash(r.serverCpuMsPerRequest, 3),
    orDash(r.serverMainThreadCpuMsPerRequest, 3),
    r.bare ? `${r.bare.before.toFixed(0)}/${r.bare.after.toFixed(0)}` : '-',
    orDash(r.ratioToBare, 3),
    (r.conditions?.loadAverage1m ?? r.loadAverage1m).toFixed(2),
    r.conditions ? `${orDash(r.conditions.cpuSome10, 1)}/${orDash(r.conditions.ioSome10, 1)}` : '-',
    orDash(r.conditions?.commitMs?.p50, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
