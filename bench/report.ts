import type { ScenarioResult } from './load.js';

/** A plain-text table: one row per scenario and engine. */
export function formatTable(results: ScenarioResult[]): string {
  const header = ['scenario', 'engine', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors/non-2xx'];
  const rows = results.map((r) => [
    r.scenario,
    r.engine,
    String(r.connections),
    r.requestsPerSec.toFixed(0),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    `${String(r.errors + r.timeouts)}/${String(r.non2xx)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
