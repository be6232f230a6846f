// Cold start to healthy (issue 19: ≤ 1 s): spawn the server, poll /api/health every 10 ms, 5 runs, median;
// on an empty database (a fresh DATA_DIR each run: the migrations run from nothing) and on the 5,000-patient
// clinic (already migrated). Each run also reports the CPU time the server had used by then
// (/proc/<pid>/stat, all threads), the figure a loaded machine skews least. The built server (as npm start
// runs it, scripts/server-node-args.mjs; built here first into .tmp/bench/server) is measured beside the
// TypeScript one run through tsx, for comparison.
//
//   npx tsx bench/cold-start.ts [--runs 5] [--patients 5000] [--modes built,tsx]
import fs from 'node:fs';
import path from 'node:path';
import { benchArgs } from './args.js';
import {
  benchClinic,
  buildServer,
  loadAverage,
  median,
  repoRoot,
  serverEnv,
  startUntilHealthy,
} from './built-server.js';
import { cleanupAll } from './processes.js';
import { serverNodeArgs } from '../scripts/server-node-args.mjs';

const { flag, int } = benchArgs(process.argv.slice(2));
const runs = int('--runs', 5, 50);
const patients = int('--patients', 5000, 100_000);
const modes = flag('--modes', 'built,tsx').split(',');
process.on('exit', cleanupAll);

const scratch = path.join(repoRoot, '.tmp/bench');
const builtDir = path.join(scratch, 'server');
const command: Record<string, string[]> = {
  built: [...serverNodeArgs, path.join(builtDir, 'main.js')],
  tsx: ['--import', 'tsx', 'src/server/main.ts'],
};

/** Wall time to healthy and the CPU time the server had used by then (ms), one entry per run. */
async function measure(mode: string, dataDir: () => string): Promise<{ wall: number[]; cpu: number[] }> {
  const args = command[mode];
  if (!args) throw new Error(`unknown mode ${mode} (built or tsx)`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startUntilHealthy({ args, env: serverEnv(dataDir()) });
    wall.push(Math.round(server.healthyMs));
    cpu.push(Math.round(server.cpuMs ?? Number.NaN));
    await server.stop();
  }
  return { wall, cpu };
}
const line = (label: string, m: { wall: number[]; cpu: number[] }, load: string) =>
  `${label}: median ${String(median(m.wall))} ms (${m.wall.join(', ')}), CPU used by then median ${String(median(m.cpu))} ms (${m.cpu.join(', ')}); load ${load}`;

if (modes.includes('built')) buildServer(builtDir);
const clinicDir = path.join(scratch, `start-clinic-${String(patients)}`);
const clinic = await benchClinic(clinicDir, patients);
const emptyRoot = path.join(scratch, 'start-empty');

const lines: string[] = [];
for (const mode of modes) {
  let n = 0;
  const empty = await measure(mode, () => {
    const dir = path.join(emptyRoot, String(n++));
    fs.rmSync(dir, { recursive: true, force: true });
    return dir;
  });
  const loadEmpty = loadAverage();
  const full = await measure(mode, () => clinicDir);
  const loadFull = loadAverage();
  lines.push(
    line(`${mode.padEnd(6)} empty database`, empty, loadEmpty),
    line(`${mode.padEnd(6)} ${String(clinic.patients)} patients`, full, loadFull),
  );
}
fs.rmSync(emptyRoot, { recursive: true, force: true });
process.stdout.write(
  `Cold start to healthy, ${String(runs)} runs, Node ${process.version}\n${lines.join('\n')}\n`,
);
