// deploy/ as it runs (issue 19): deploy/nginx.conf in front of two Duet instances on one PostgreSQL, over TLS
// with a throwaway certificate, on loopback. Sign-in, writes through both instances, the client address the
// instances believe (only from the proxy), and a rolling restart under load with zero failed requests.
// Two instances behind a balancer need PostgreSQL: hosts cannot share one SQLite file (docs/operations.md
// "Scaling out"), so on SQLite this file checks the deploy files only (nginx -t, the units, the Dockerfile).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './config.js';
import { serverEnvironment, serverNodeArgs } from '../../scripts/server-node-args.mjs';

const productionNodeArgs = serverNodeArgs.filter((a) => a !== '--enable-source-maps');
import { hashToken } from './platform/ids.js';
import { createTestContext, type TestContext } from './testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from './testing/factories.js';
import { freePort, sameDatabaseEnv, startChildServer, type ChildServer } from './testing/child-server.js';
import {
  PROXY_ADDRESS,
  accessLog,
  checkNginxConfig,
  containerEngine,
  httpsCall,
  readDeployFile,
  selfSignedCertificate,
  startNginx,
  tempDir,
  waitFor,
  writeNginxConfig,
  type NginxPlaces,
} from './deploy.test-kit.js';

async function places(prefix: string): Promise<NginxPlaces> {
  return {
    prefix,
    httpPort: await freePort(),
    httpsPort: await freePort(),
    instancePorts: [await freePort(), await freePort()],
    tls: selfSignedCertificate(prefix),
  };
}

describe('deploy files', () => {
  it('deploy/nginx.conf, moved to loopback and a temp prefix, passes nginx -t', async () => {
    const prefix = tempDir('nginx-check');
    try {
      const conf = writeNginxConfig(await places(prefix));
      expect(checkNginxConfig(prefix, conf)).toContain('test is successful');
      const text = fs.readFileSync(conf, 'utf8');
      expect(text).toContain('proxy_next_upstream error timeout http_502 http_503;');
      expect(text).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
      expect(text).toContain('client_max_body_size 100k;');
      // A POST already sent is never repeated by the proxy (sign-in, signing and sending are not idempotent).
      expect(text).not.toMatch(/^\s*proxy_next_upstream\b[^\n]*non_idempotent/m);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('the systemd units run the built server as an unprivileged user, hardened, stopped by SIGTERM', () => {
    for (const unit of ['duet.service', 'duet@.service']) {
      const text = readDeployFile(unit);
      for (const line of [
        // The options `npm start` runs the server with (scripts/server-node-args.mjs), source maps off.
        `ExecStart=/usr/bin/node ${productionNodeArgs.join(' ')} dist/server/main.js`,
        'EnvironmentFile=/etc/duet/env',
        'User=duet',
        'NoNewPrivileges=true',
        'ProtectSystem=strict',
        'ReadWritePaths=/var/lib/duet',
        'PrivateTmp=true',
        'KillSignal=SIGTERM',
        'TimeoutStopSec=10',
        'Restart=on-failure',
        // The environment `npm start` gives the server (MALLOC_ARENA_MAX).
        ...Object.entries(serverEnvironment).map(([name, value]) => `Environment=${name}=${value}`),
      ]) {
        expect(text.split('\n'), `${unit}: ${line}`).toContain(line);
      }
    }
    expect(readDeployFile('duet@.service')).toContain('Environment=PORT=%i');
  });

  it('the Dockerfile builds in two stages on Node 24 slim (the current LTS, the Node the benches of record run on) and runs the build as a non-root user', () => {
    const lines = readDeployFile('Dockerfile').split('\n');
    const from = lines.filter((l) => l.startsWith('FROM '));
    expect(from).toEqual(['FROM node:24-bookworm-slim AS build', 'FROM node:24-bookworm-slim AS run']);
    const runStage = lines.slice(lines.indexOf('FROM node:24-bookworm-slim AS run'));
    expect(runStage.filter((l) => l.startsWith('USER '))).toEqual(['USER duet']);
    expect(lines.some((l) => l.includes('npm ci'))).toBe(true);
    expect(lines.some((l) => l.includes('npm run build'))).toBe(true);
    expect(lines.some((l) => l.includes('npm prune --omit=dev'))).toBe(true);
    expect(lines.some((l) => l.startsWith('HEALTHCHECK ') && lines.join('\n').includes('/api/health'))).toBe(
      true,
    );
    for (const [name, value] of Object.entries(serverEnvironment)) {
      expect(runStage.some((l) => new RegExp(`^(ENV |\\s+)${name}=${value}( \\\\)?$`).test(l))).toBe(true);
    }
    const cmd = lines.at(-2) ?? '';
    expect(cmd.startsWith('CMD ')).toBe(true);
    expect(JSON.parse(cmd.slice('CMD '.length))).toEqual([
      'node',
      ...productionNodeArgs,
      'dist/server/main.js',
    ]);
    const engine = containerEngine();
    // The image itself is built by .ci/run where docker or podman exists; here the run names what it skipped.
    console.log(
      engine
        ? `Dockerfile build: ${engine} found; .ci/run builds the image (${engine} build -f deploy/Dockerfile .)`
        : 'Dockerfile build skipped: no container engine (docker or podman) on this machine',
    );
  });
});

const databaseUrl = testDatabaseUrl();
if (!databaseUrl) {
  describe('two instances behind nginx', () => {
    it('need PostgreSQL: the units say so, and this SQLite leg checks the deploy files only', () => {
      expect(readDeployFile('duet@.service')).toContain('Every instance needs PostgreSQL');
      expect(readDeployFile('README.md')).toContain('Several instances need PostgreSQL');
    });
  });
} else {
  describe('two instances on one PostgreSQL behind nginx with TLS', { timeout: 120_000 }, () => {
    let t: TestContext;
    let therapist: BuiltUser;
    let patient: BuiltPatient;
    let prefix: string;
    let where: NginxPlaces;
    let nginx: ReturnType<typeof startNginx> | null = null;
    const instances: (ChildServer | null)[] = [null, null];
    let agent: https.Agent;
    const CLIENT_ADDRESS = '127.9.8.7';

    const instanceEnv = (i: 0 | 1) => ({
      ...sameDatabaseEnv(t.testDb.location),
      PORT: String(where.instancePorts[i]),
      DATA_DIR: path.join(prefix, `instance-${String(i)}`),
      TRUST_PROXY: PROXY_ADDRESS,
      ARGON2_MEMORY_KIB: '1024',
      DUET_READ_WORKERS: '0',
      // The load below is one session at ~100 requests/s; the limit is per instance (docs/operations.md).
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    const start = async (i: 0 | 1) => {
      fs.mkdirSync(path.join(prefix, `instance-${String(i)}`), { recursive: true });
      instances[i] = await startChildServer(instanceEnv(i));
    };
    const stop = async (i: 0 | 1) => {
      const s = instances[i];
      if (!s) return null;
      s.process.kill('SIGTERM');
      const code = await s.exited;
      instances[i] = null;
      return { code, output: s.output() };
    };
    const call = (method: string, urlPath: string, opts?: Parameters<typeof httpsCall>[4]) =>
      httpsCall(agent, where.httpsPort, method, urlPath, opts);

    beforeAll(async () => {
      t = await createTestContext();
      const clinic = await buildClinic(t.deps);
      therapist = await buildUser(t.deps, clinic, 'therapist');
      patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
      prefix = tempDir('deploy');
      where = await places(prefix);
      agent = new https.Agent({
        ca: where.tls.cert,
        keepAlive: true,
        maxSockets: 16,
        localAddress: CLIENT_ADDRESS,
      });
      await start(0);
      await start(1);
      const conf = writeNginxConfig(where);
      nginx = startNginx(prefix, conf);
      await waitFor('nginx on https', async () => (await call('GET', '/api/health')).status === 200);
    });

    // Whatever beforeAll got to: the processes and the temp prefix never outlive the file.
    afterAll(async () => {
      (agent as https.Agent | undefined)?.destroy();
      await Promise.all([stop(0), stop(1)]);
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((r) => nginx?.once('exit', r));
        nginx.kill('SIGQUIT');
        await exited;
      }
      if ((prefix as string | undefined) !== undefined) fs.rmSync(prefix, { recursive: true, force: true });
      await (t as TestContext | undefined)?.close();
    });

    let session: { cookie: string; csrf: string };
    const newNote = (id: string) =>
      call('POST', `/api/patients/${patient.overview.id}/progress-notes`, {
        body: { id, sessionDate: '2026-11-02', format: 'soap' },
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
    const notesSaved = async (ids: string[]) =>
      (await t.deps.database.db.selectFrom('progress_notes').select('id').where('id', 'in', ids).execute())
        .length;

    it('answers over TLS with HTTP/2 and signs in through the proxy; the session is believed by both', async () => {
      const h2 = http2.connect(`https://127.0.0.1:${String(where.httpsPort)}`, { ca: where.tls.cert });
      const h2Status = await new Promise<number>((resolve, reject) => {
        const req = h2.request({ ':path': '/api/health' });
        req.on('response', (h) => resolve(Number(h[':status'])));
        req.on('error', reject);
        req.end();
      });
      expect(h2.alpnProtocol).toBe('h2');
      h2.close();
      expect(h2Status).toBe(200);

      // A client that writes its own X-Forwarded-For through the proxy: nginx replaces it.
      const login = await call('POST', '/api/auth/login', {
        body: { email: therapist.email, password: PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(login.status).toBe(200);
      const setCookie = login.headers['set-cookie'];
      session = {
        cookie: (Array.isArray(setCookie) ? (setCookie[0] ?? '') : '').split(';')[0] ?? '',
        csrf: (JSON.parse(login.body) as { csrfToken: string }).csrfToken,
      };
      // Round robin: consecutive reads land on both instances; each knows the session from the database.
      const reads = await Promise.all(
        Array.from({ length: 6 }, () =>
          call('GET', '/api/auth/devices', { headers: { cookie: session.cookie } }),
        ),
      );
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const devices = (
        JSON.parse(reads[0]?.body ?? '{}') as {
          devices: { approximateAddress: string | null; thisDevice: boolean }[];
        }
      ).devices;
      // The client's own address (127.9.8.7), not the forged one and not the proxy's (127.0.0.2).
      expect(devices.find((d) => d.thisDevice)?.approximateAddress).toBe('127.9.8.x');
      const served = accessLog(prefix)
        .filter((l) => l.path === '/api/auth/devices')
        .map((l) => l.upstream);
      expect(new Set(served)).toEqual(new Set(where.instancePorts.map((p) => `127.0.0.1:${String(p)}`)));
    });

    it('lands writes through both instances in the one database', async () => {
      const ids = Array.from({ length: 10 }, () => randomUUID());
      const answers = await Promise.all(ids.map((id) => newNote(id)));
      expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201));
      expect(await notesSaved(ids)).toBe(10);
      const writersNow = () =>
        accessLog(prefix)
          .filter((l) => l.method === 'POST' && l.path.endsWith('/progress-notes') && l.status === 201)
          .map((l) => l.upstream);
      // nginx writes a request's log line after sending its answer: a client can read the answer first.
      await waitFor('the ten writes in the access log', () => Promise.resolve(writersNow().length >= 10));
      const writers = writersNow();
      expect(writers).toHaveLength(10);
      expect(new Set(writers).size).toBe(2);
    });

    it('believes X-Forwarded-For only from the proxy: a forged header straight to an instance is ignored', async () => {
      const keyOf = (address: string) => 'ip:' + hashToken(address);
      const throttleKeys = async () =>
        (await t.deps.database.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
      // A failed sign-in through the proxy counts against the client's address.
      const viaProxy = await call('POST', '/api/auth/login', {
        body: { email: therapist.email, password: 'not the password' },
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(viaProxy.status).toBe(401);
      // Straight to an instance from 127.0.0.1 (not the proxy), with a forged header: the socket address counts.
      const direct = await fetch(`${instances[0]?.url ?? ''}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.2' },
        body: JSON.stringify({ email: therapist.email, password: 'not the password' }),
      });
      expect(direct.status).toBe(401);
      const keys = await throttleKeys();
      expect(keys).toContain(keyOf(CLIENT_ADDRESS));
      expect(keys).toContain(keyOf('127.0.0.1'));
      for (const forged of ['198.51.100.1', '198.51.100.2', '203.0.113.9', PROXY_ADDRESS]) {
        expect(keys).not.toContain(keyOf(forged));
      }
    });

    it('restarts one instance, then the other, under steady load with zero failed requests', async () => {
      const failures: string[] = [];
      const written: string[] = [];
      let answered = 0;
      let running = true;
      const worker = async (n: number) => {
        for (let i = 0; running; i++) {
          const write = (i + n) % 2 === 0;
          const id = randomUUID();
          try {
            const a = write
              ? await newNote(id)
              : await call('GET', `/api/patients/${patient.overview.id}`, {
                  headers: { cookie: session.cookie },
                });
            if (a.status === (write ? 201 : 200)) {
              answered++;
              if (write) written.push(id);
            } else failures.push(`${write ? 'POST' : 'GET'} ${String(a.status)} ${a.body.slice(0, 120)}`);
          } catch (err) {
            failures.push(`${write ? 'POST' : 'GET'} ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      };
      const load = Promise.all(Array.from({ length: 6 }, (_, n) => worker(n)));
      const servedBy = (i: 0 | 1) => {
        const upstream = `127.0.0.1:${String(where.instancePorts[i])}`;
        return accessLog(prefix).filter((l) => l.upstream === upstream && l.status < 300).length;
      };
      try {
        await new Promise((r) => setTimeout(r, 1000));
        for (const i of [0, 1] as const) {
          const stopped = await stop(i);
          expect(stopped?.code, stopped?.output).toBe(0);
          await new Promise((r) => setTimeout(r, 500));
          await start(i);
          // Back in the proxy's rotation (after fail_timeout) before the other one goes.
          const before = servedBy(i);
          await waitFor(
            `instance ${String(i)} serving through nginx again`,
            () => Promise.resolve(servedBy(i) >= before + 5),
            30_000,
          );
        }
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        running = false;
        await load;
      }
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(100);
      expect(await notesSaved(written)).toBe(written.length);
    });
  });
}
