// Child processes for the benchmark: the real server and the bare-route server, each on a free port on
// 127.0.0.1, with bounded waits for start and stop, and a registry so every exit path cleans up.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { serverNodeArgs } from '../scripts/server-node-args.mjs';

type Cleanup = () => void;
const cleanups = new Set<Cleanup>();

/** Registers a synchronous cleanup (kill a child, stop a cluster) that runs on any exit; returns its remover. */
export function onExit(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every registered cleanup once (latest first); safe to call repeatedly. */
export function cleanupAll(): void {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // Best effort: one failed cleanup must not keep the others from running.
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node <npm start's V8 options> [BENCH_SERVER_NODE_ARGS] --import tsx <script>` with `env` (PORT is added) and waits until `readyPath` answers 200.
 * Gives up after `startTimeoutMs`.
 */
export async function startNodeServer(opts: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  readyPath: string;
  startTimeoutMs?: number;
  /** An IPC channel to the child (the open-loop scenario asks the server's event-loop delay over it). */
  ipc?: boolean;
}): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  // The V8 options `npm start` runs the server with (scripts/server-node-args.mjs), then
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof" (later options win). Without the
  // first, Node 24 (V8 13.6) sized the young generation at 128 MiB against 8 in production: the caseload's
  // scavenges took 7-18 ms each (up to 42) instead of under 1, and its p99 measured that (issue 19).
  const nodeArgs = [
    ...serverNodeArgs,
    ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== ''),
  ];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', opts.script], {
    env: { ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const removeCleanup = onExit(() => child.kill('SIGKILL'));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${opts.name} exited with code ${String(child.exitCode)} while starting:\n${tail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer ${opts.readyPath} within the start timeout:\n${tail}`);
    }
    try {
      const res = await fetch(baseUrl + opts.readyPath, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }

  return {
    baseUrl,
    child,
    output: () => tail,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
        if (killed) {
          child.kill('SIGKILL');
          await Promise.race([exited, sleep(5_000)]);
        }
      }
      removeCleanup();
    },
  };
}
