import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { inheritedEnv } from '../config.js';
import { serverCommand } from './server-command.js';
import { TEST_AUDIT_HMAC_KEY } from './test-app.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the real server entry (src/server/main.ts) as another process and waits until /api/health answers. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  // A given PORT starts the server there again (a rolling restart behind a proxy: src/server/deploy.int.test.ts).
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let out = '';
  const [command, args] = serverCommand();
  const child = spawn(command, args, {
    env: {
      ...inheritedEnv(),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DUET_DEMO: '0',
      COOKIE_SECURE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${String(port)}`;
  // Up to a minute: on a loaded machine (CI runs its legs side by side on 2 cores) tsx alone can take 15 s.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('server exited early:\n' + out);
    try {
      const res = await fetch(url + '/api/health');
      if (res.ok) return { url, process: child, output: () => out, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start:\n' + out);
}

/** Environment that points a child server at the same database as a test's own (SQLite file or PostgreSQL). */
export function sameDatabaseEnv(location: {
  databaseUrl: string | null;
  sqlitePath: string;
}): Record<string, string> {
  const key = { AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY };
  return location.databaseUrl
    ? { ...key, DATABASE_URL: location.databaseUrl }
    : { ...key, DATA_DIR: path.dirname(location.sqlitePath), DATABASE_URL: '' };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

/** Signs in against a running server over real HTTP. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${String(res.status)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** POSTs JSON as a signed-in user (cookie + CSRF header). */
export function postAs(session: HttpSession, url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
}
