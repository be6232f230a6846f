// Starts a real Duet server (demo clinic seeded, fresh data directory) for one test file.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverCommand } from '../../src/server/testing/server-command';

export type DuetServer = {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  /**
   * Moves the server's clock forward by `ms` (src/server/platform/test-clock.ts) and answers with its new
   * reading and its offset from wall time; pages follow it with `followServerClock` (support/clock.ts).
   */
  advanceClock: (ms: number) => Promise<{ now: number; offsetMs: number }>;
  /** How far the server's clock is ahead of wall time. */
  clockOffsetMs: () => number;
  stop: () => Promise<void>;
};

export const DEMO_PASSWORD = 'duet-demo-2026';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Duet server exited with ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`Duet server did not answer /api/health within 60 s:\n${output()}`);
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

type ClockReply =
  | { type: 'duet:test-clock'; id: number; ok: true; now: number; offsetMs: number }
  | { type: 'duet:test-clock'; id: number; ok: false; error: string };

/**
 * Start the server (`node --import tsx src/server/main.ts`, or its build under `npm test`:
 * src/server/testing/server-command.ts) on a free port and wait until it is healthy. The server runs
 * with NODE_ENV=test and DUET_TEST_CLOCK=1: its clock is wall time plus an offset this harness moves over
 * the IPC channel (never over HTTP), so no journey waits for real minutes.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  options: { keepDataDir?: boolean } = {},
): Promise<DuetServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'duet-e2e-'));
  // The browser run seeds the demo clinic once (support/demo-template.ts) and each journey starts from a copy
  // of it: the server finds its clinic and seeds nothing (issue 18: CI under 8 minutes).
  const template = process.env.DUET_E2E_DEMO_TEMPLATE;
  if (template && extraEnv.DUET_DEMO === undefined) cpSync(template, dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const output = () => lines.slice(-60).join('');

  const [command, args] = serverCommand();
  const child = spawn(command, args, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DUET_DEMO: '1',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: '',
      NODE_ENV: 'test',
      DUET_TEST_CLOCK: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let offsetMs = 0;
  let nextId = 1;
  const advanceClock = (ms: number) =>
    new Promise<{ now: number; offsetMs: number }>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`the server did not answer the clock request within 10 s:\n${output()}`));
      }, 10_000);
      const onMessage = (raw: unknown) => {
        const message = raw as ClockReply | { type?: undefined; id?: undefined };
        if (message.type !== 'duet:test-clock' || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (!message.ok) {
          reject(new Error(`the server refused to move its clock: ${message.error}`));
          return;
        }
        offsetMs = message.offsetMs;
        resolve({ now: message.now, offsetMs: message.offsetMs });
      };
      child.on('message', onMessage);
      child.send({ type: 'duet:test-clock', id, advanceMs: Math.max(0, Math.round(ms)) });
    });
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString('utf8'));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && !options.keepDataDir) {
      // The data directory is thrown away, so nothing needs closing cleanly; the graceful SIGTERM took ~3 s per
      // server here, paid by every journey file (issue 18).
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, dataDir, output, advanceClock, clockOffsetMs: () => offsetMs, stop };
}
