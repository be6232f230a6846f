// Issue 13 (minor): source maps are not served, /api answers are no-store, and errors Node's HTTP parser
// raises (431 oversized headers) answer in the usual { error: { code, message } } shape.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDeps } from '../../bootstrap.js';
import { FakeClock } from '../clock.js';
import { TEST_NOW, testConfig } from '../../testing/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { isSourceMap } from './response-headers.js';

let dir: string;
let testDb: TestDatabase;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Duet</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
  testDb = await createTestDatabase();
  const deps = createDeps(testConfig({ webDist: dir }), testDb.database, new FakeClock(TEST_NOW));
  app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP exchange, so that requests fetch() would refuse to send can be made. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' ? resolve(answer) : reject(err),
    );
  });
}

describe('static files and source maps', () => {
  it('serves the bundle but not its source map (404 in the usual shape, not the app page)', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    for (const url of ['/assets/app.js.map', '/assets/app.js.map?x=1', '/assets/APP.JS.MAP']) {
      const map = await app.inject({ method: 'GET', url });
      expect(map.statusCode).toBe(404);
      expect(map.json()).toMatchObject({ error: { code: 'not_found' } });
      expect(map.body).not.toContain('secret.ts');
    }
    // Client-side routes still answer with the app page.
    const page = await app.inject({ method: 'GET', url: '/patients/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Duet</title>');
  });

  it('recognises source map paths only', () => {
    expect(isSourceMap('/assets/index-abc.js.map')).toBe(true);
    expect(isSourceMap('/assets/index.css.map?v=2')).toBe(true);
    expect(isSourceMap('/assets/index-abc.js')).toBe(false);
    expect(isSourceMap('/map')).toBe(false);
  });
});

describe('response headers', () => {
  it('an /api answer is no-store; a static file keeps its own caching', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers['cache-control']).toBe('no-store');
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.headers['cache-control']).not.toBe('no-store');
  });

  it('oversized request headers answer 431 in the usual error shape', async () => {
    const answer = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/cache-control: no-store/i);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({
      error: { code: 'headers_too_large', message: 'The request headers are too large.' },
    });
  });

  it('a request the parser cannot read answers 400 in the usual error shape', async () => {
    const answer = await raw('GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request' } });
  });
});
