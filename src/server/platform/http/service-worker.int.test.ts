// Issue 17 (installable and offline): the service worker and the web app manifest are served so a browser
// picks up a new build on the next visit: /sw.js is revalidated every time and may control the whole app;
// the manifest is JSON the browser recognises.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDeps } from '../../bootstrap.js';
import { FakeClock } from '../clock.js';
import { TEST_NOW, testConfig } from '../../testing/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { HASHED_ASSET_CACHE } from './web-assets.js';

let dir: string;
let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-sw-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, 'icons'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Duet</title>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Duet","start_url":"/home"}');
  fs.writeFileSync(path.join(dir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'assets', 'home-page-Ab12Cd.js'), 'export const x = 1;');
  testDb = await createTestDatabase();
  const deps = createDeps(testConfig({ webDist: dir }), testDb.database, new FakeClock(TEST_NOW));
  app = await buildApp(deps);
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the service worker and the manifest', () => {
  it('serves /sw.js as JavaScript, revalidated on every visit, allowed to control the whole app', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['service-worker-allowed']).toBe('/');
  });

  it('serves the manifest and the icons revalidated, with a manifest content type', async () => {
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.headers['service-worker-allowed']).toBeUndefined();
    const icon = await app.inject({ method: 'GET', url: '/icons/icon-192.png' });
    expect(icon.headers['content-type']).toBe('image/png');
  });

  it('keeps hashed assets immutable (the worker precaches them by their hashed names)', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/home-page-Ab12Cd.js' });
    expect(res.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
    expect(res.headers['service-worker-allowed']).toBeUndefined();
  });
});
