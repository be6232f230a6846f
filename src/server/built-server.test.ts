import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo/seed-demo.js';

// The server as `npm start` runs it (issue 19): built by scripts/build-server.mjs, started from JavaScript
// with no tsx anywhere, on an empty embedded database with the demo clinic. It must serve, run its read
// workers from their built entries, render a PDF (pdfkit stays a package, with its font files) and stop on
// SIGTERM; the built command line verifies the audit chain it wrote.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so the bundle's packages (better-sqlite3, argon2, pdfkit …) resolve from node_modules.
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const outdir = fs.mkdtempSync(path.join(root, '.tmp', 'built-server-'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-built-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  DUET_DEMO: '1',
  DUET_READ_WORKERS: '2',
  LOG_LEVEL: 'warn',
  COOKIE_SECURE: 'false',
  ARGON2_MEMORY_KIB: '1024',
};

let server: ChildProcess;
let baseUrl = '';
let stderr = '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const threads = (pid: number) => fs.readdirSync(`/proc/${String(pid)}/task`).length;

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: root });
  const port = 20_000 + (process.pid % 20_000);
  baseUrl = `http://127.0.0.1:${String(port)}`;
  server = spawn(process.execPath, ['--enable-source-maps', path.join(outdir, 'main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the built server exited: ${stderr}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`the built server did not become healthy: ${stderr}`);
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duet_session='));
  expect(cookie).toBeDefined();
  return cookie ?? '';
}

describe('the built server (dist/server/main.js)', { timeout: 120_000 }, () => {
  it('is bundled: no TypeScript and no tsx in what it runs', () => {
    const files = fs.readdirSync(outdir);
    expect(files).toEqual(
      expect.arrayContaining(['main.js', 'cli.js', 'read-worker.js', 'audit-verify-worker.js']),
    );
    const main = fs.readFileSync(path.join(outdir, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from ["']tsx/);
    expect(main).toMatch(/sourceMappingURL=main\.js\.map/);
  });

  it('serves the registry through read workers started from their built entries', async () => {
    const pid = server.pid ?? 0;
    const before = threads(pid);
    const cookie = await signIn('caremanager@demo.duet.test');
    const first = await fetch(`${baseUrl}/api/registry`, { headers: { cookie } });
    expect(first.status).toBe(200);
    const ids = async (res: Response) =>
      ((await res.json()) as { patients: { patientId: string }[] }).patients.map((p) => p.patientId).sort();
    const shown = await ids(first);
    expect(shown.length).toBeGreaterThan(0);
    // The first read starts the two workers (issue 19: on demand); each is a thread of its own.
    let now = before;
    for (let i = 0; i < 100 && now < before + 2; i++) {
      await sleep(100);
      now = threads(pid);
    }
    expect(now).toBeGreaterThanOrEqual(before + 2);
    for (let i = 0; i < 5; i++) {
      // The same patients (their alerts may change meanwhile: the background checks run as in production).
      expect(await ids(await fetch(`${baseUrl}/api/registry`, { headers: { cookie } }))).toEqual(shown);
    }
    expect(stderr).not.toMatch(/read worker/);
  });

  it('renders a PDF with pdfkit loaded from its package', async () => {
    const cookie = await signIn('patient@demo.duet.test');
    const res = await fetch(`${baseUrl}/api/me/documents/medication-list.pdf`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('stops on SIGTERM, and the built CLI verifies the audit chain it wrote', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const verified = await run(process.execPath, [path.join(outdir, 'cli.js'), 'audit-verify'], {
      cwd: root,
      env,
    });
    expect(verified.stdout).toMatch(/Audit chain intact/);
  });
});
