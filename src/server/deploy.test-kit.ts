// The pieces src/server/deploy.int.test.ts puts together: a throwaway self-signed certificate, deploy/nginx.conf
// moved to loopback ports and a temp prefix, nginx started in the foreground as the current user, and an
// HTTPS client that trusts only that certificate (never NODE_TLS_REJECT_UNAUTHORIZED).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';
export const deployDir = path.resolve(import.meta.dirname, '../../deploy');
/** The address nginx connects to the instances from (proxy_bind in deploy/nginx.conf): the trusted proxy. */
export const PROXY_ADDRESS = '127.0.0.2';

export function readDeployFile(name: string): string {
  return fs.readFileSync(path.join(deployDir, name), 'utf8');
}

/** docker or podman when one answers `info` (a client without its daemon is no engine), or null. */
export function containerEngine(): string | null {
  for (const name of ['docker', 'podman']) {
    const run = spawnSync(name, ['info'], { stdio: 'ignore', timeout: 15_000 });
    if (!run.error && run.status === 0) return name;
  }
  return null;
}

export interface Tls {
  cert: string;
  certFile: string;
  keyFile: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, valid for a day. */
export function selfSignedCertificate(dir: string): Tls {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { cert: fs.readFileSync(certFile, 'utf8'), certFile, keyFile };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`deploy/nginx.conf must hold exactly one "${from}" (the test moves it to loopback)`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export interface NginxPlaces {
  prefix: string;
  httpPort: number;
  httpsPort: number;
  instancePorts: [number, number];
  tls: Tls;
}

/**
 * deploy/nginx.conf with only its places changed: loopback ports, the instances' ports, the certificate, and
 * pid, logs and temp files under the prefix. Every directive that decides behaviour stays as written.
 */
export function nginxConfigForTest(p: NginxPlaces): string {
  const asRoot = process.getuid?.() === 0;
  const changes: [string, string][] = [
    // As root nginx's workers drop to an unprivileged user (www-data may be missing); otherwise they stay ours.
    ['user www-data;\n', asRoot ? 'user nobody nogroup;\n' : ''],
    ['pid /run/nginx.pid;', `pid ${p.prefix}/nginx.pid;`],
    ['error_log /var/log/nginx/error.log warn;', `error_log ${p.prefix}/error.log warn;`],
    [
      'access_log /var/log/nginx/duet-access.log duet;',
      [`access_log ${p.prefix}/access.log duet;`]
        .concat(
          ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((m) => `${m}_temp_path ${p.prefix}/${m};`),
        )
        .join('\n    '),
    ],
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${String(p.instancePorts[0])} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${String(p.instancePorts[1])} `],
    ['listen 80;\n        listen [::]:80;', `listen 127.0.0.1:${String(p.httpPort)};`],
    [
      'listen 443 ssl http2;\n        listen [::]:443 ssl http2;',
      `listen 127.0.0.1:${String(p.httpsPort)} ssl http2;`,
    ],
    ['/etc/duet/tls/fullchain.pem', p.tls.certFile],
    ['/etc/duet/tls/privkey.pem', p.tls.keyFile],
  ];
  return changes.reduce((text, [from, to]) => replaceOnce(text, from, to), readDeployFile('nginx.conf'));
}

export function writeNginxConfig(p: NginxPlaces): string {
  fs.chmodSync(p.prefix, 0o755);
  const file = path.join(p.prefix, 'nginx.conf');
  fs.writeFileSync(file, nginxConfigForTest(p));
  return file;
}

/** `nginx -t` on a config: what nginx says (it throws with nginx's words when the config is wrong). */
export function checkNginxConfig(prefix: string, conf: string): string {
  const run = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (run.error)
    throw new Error(`nginx not found at ${NGINX} (apt-get install nginx-light): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`nginx -t failed: ${run.stderr}`);
  return run.stderr;
}

export function startNginx(prefix: string, conf: string): ChildProcess {
  return spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `duet-${name}-`));
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request through the proxy with the given agent (its ca and client address). */
export function httpsCall(
  agent: https.Agent,
  port: number,
  method: string,
  urlPath: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...opts.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error('no answer in 20 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls until `probe` resolves true (or throws after `ms`). */
export async function waitFor(what: string, probe: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`waited ${String(ms)} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The access log's lines (deploy/nginx.conf's `duet` format) as method, path, status and upstreams. */
export function accessLog(
  prefix: string,
): { method: string; path: string; status: number; upstream: string }[] {
  const file = path.join(prefix, 'access.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /"(\w+) (\S+)" (\d+) \d+ upstream=(.*) upstream_status=/.exec(line);
      return m ? [{ method: m[1] ?? '', path: m[2] ?? '', status: Number(m[3]), upstream: m[4] ?? '' }] : [];
    });
}
