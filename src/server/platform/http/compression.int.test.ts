// Issue 17 ("Fast"): /api answers are compressed by Accept-Encoding (brotli, then gzip) above 1 kB; small
// answers, refused encodings and HEAD go as they are; the route's own headers (ETag, no-store) stay.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
} from '../../testing/factories.js';
import { chooseEncoding, COMPRESS_MIN_BYTES, isCompressibleType } from './compression.js';

let t: TestContext;
let ts: Session;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  ts = await signIn(t.app, therapist.email, PASSWORD);
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

const openapi = (acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/openapi.json',
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('compressed API answers', () => {
  it('sends brotli when accepted, the same JSON as the plain answer, with Vary and no stale length', async () => {
    const plain = await openapi();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    const br = await openapi('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    if (br.headers['content-length'] !== undefined) {
      expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    }
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
  });

  it('sends gzip when brotli is not accepted, and nothing encoded when neither is', async () => {
    const gz = await openapi('gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe((await openapi()).body);

    const refused = await openapi('br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body)).toHaveProperty('openapi');

    const head = await t.app.inject({
      method: 'HEAD',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(head.headers['content-encoding']).toBeUndefined();
  });

  it('keeps a record’s ETag on the compressed answer, and If-Match still works with it', async () => {
    const url = `/api/patients/${patient.overview.id}`;
    const plain = await call(t.app, ts, 'GET', url);
    const br = await call(t.app, ts, 'GET', url, undefined, { 'accept-encoding': 'br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers.etag).toMatch(/^"\d+"$/);
    expect(br.headers.etag).toBe(plain.headers.etag);
    if (plain.rawPayload.length >= COMPRESS_MIN_BYTES) {
      expect(br.headers['content-encoding']).toBe('br');
      expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    } else {
      expect(br.headers['content-encoding']).toBeUndefined();
      expect(br.json()).toEqual(plain.json());
    }
    const stale = await call(
      t.app,
      ts,
      'PATCH',
      url,
      { phone: '+1 555 0199' },
      { 'accept-encoding': 'br', 'if-match': '"999"' },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('leaves answers under 1 kB as they are', async () => {
    const small = await call(t.app, null, 'GET', '/api/auth/session', undefined, { 'accept-encoding': 'br' });
    expect(small.rawPayload.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toHaveProperty('error');
  });
});

describe('choosing the encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    ['deflate', null],
  ] as const)('Accept-Encoding %j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it.each([
    ['application/json; charset=utf-8', true],
    ['application/fhir+json; charset=utf-8', true],
    ['text/csv', true],
    ['text/calendar; charset=utf-8', true],
    ['text/event-stream', false],
    ['application/pdf', false],
    ['image/png', false],
    [undefined, false],
  ] as const)('content type %j compressible: %s', (type, expected) => {
    expect(isCompressibleType(type)).toBe(expected);
  });
});
