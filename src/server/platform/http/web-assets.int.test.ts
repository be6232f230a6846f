// Issue 17 ("Fast"): the built web app is served precompressed (brotli, then gzip, then plain, from
// Accept-Encoding) with a year of immutable caching for hashed assets and revalidation for index.html.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDeps } from '../../bootstrap.js';
import { FakeClock } from '../clock.js';
import { TEST_NOW, testConfig } from '../../testing/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { HASHED_ASSET_CACHE, isHashedAsset } from './web-assets.js';

const BUNDLE = `export const words = ${JSON.stringify('Today’s medicines. '.repeat(200))};\n`;
const INDEX = `<!doctype html><title>Duet</title><script type="module" src="/assets/index-Ab12Cd.js"></script>${' '.repeat(400)}`;

let dir: string;
let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js'), BUNDLE);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js.map'), '{"version":3,"sources":["secret.ts"]}');
  // The real build step writes the .br and .gz siblings.
  const compress = spawnSync(process.execPath, ['scripts/build-compress.mjs', dir], { encoding: 'utf8' });
  expect(compress.status, compress.stderr).toBe(0);
  testDb = await createTestDatabase();
  const deps = createDeps(testConfig({ webDist: dir }), testDb.database, new FakeClock(TEST_NOW));
  app = await buildApp(deps);
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('the build step', () => {
  it('writes brotli and gzip siblings of text files, smaller than the file, and none for source maps', () => {
    const js = path.join(dir, 'assets', 'index-Ab12Cd.js');
    expect(brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(BUNDLE);
    expect(gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(BUNDLE);
    expect(fs.statSync(`${js}.br`).size).toBeLessThan(fs.statSync(js).size);
    expect(fs.existsSync(path.join(dir, 'assets', 'index-Ab12Cd.js.map.br'))).toBe(false);
  });
});

describe('content encoding negotiation', () => {
  it('prefers brotli when the browser takes it', async () => {
    const res = await get('/assets/index-Ab12Cd.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(BUNDLE);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const res = await get('/assets/index-Ab12Cd.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(BUNDLE);
  });

  it('honours a refused encoding (q=0)', async () => {
    const res = await get('/assets/index-Ab12Cd.js', 'br;q=0, gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('sends the plain file to a client without Accept-Encoding, or with identity only', async () => {
    for (const accept of [undefined, 'identity']) {
      const res = await get('/assets/index-Ab12Cd.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(BUNDLE);
    }
  });
});

describe('caching', () => {
  it('keeps hashed assets a year, immutable, in every encoding', async () => {
    for (const accept of ['br', 'gzip', undefined]) {
      const res = await get('/assets/index-Ab12Cd.js', accept);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect(HASHED_ASSET_CACHE).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html on every visit, also as the page of client-side routes, and compresses it', async () => {
    for (const url of ['/', '/home', '/patients/abc/plan']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(INDEX);
    }
  });

  it('still refuses source maps and keeps /api answers out of caches', async () => {
    const map = await get('/assets/index-Ab12Cd.js.map', 'br');
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain('secret.ts');
    const health = await get('/api/health', 'br');
    expect(health.headers['cache-control']).toBe('no-store');
  });

  it('knows a hashed asset by its folder', () => {
    expect(isHashedAsset('/srv/web', '/srv/web/assets/index-Ab12Cd.js.br')).toBe(true);
    expect(isHashedAsset('/srv/web', '/srv/web/index.html')).toBe(false);
    expect(isHashedAsset('/srv/web', '/srv/web/favicon.svg')).toBe(false);
    expect(isHashedAsset('/srv/web', '/srv/web-assets/x.js')).toBe(false);
  });
});
