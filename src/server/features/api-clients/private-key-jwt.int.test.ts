import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD } from '../../testing/factories.js';
import { JWT_BEARER } from './client-assertion.js';

// SMART Backend Services private_key_jwt (hl7.org/fhir/smart-app-launch/backend-services.html): keys made here.

const TOKEN_URL = 'http://localhost:3000/oauth2/token';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const rsaJwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS384', use: 'sig' };
const ecJwk = { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES384' };

let t: TestContext;
let session: Session;
let clientId: string;
let version: number;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(
  key: { alg: 'RS384' | 'ES384'; kid: string; privateKey: KeyObject },
  claims: Partial<Record<'iss' | 'sub' | 'aud' | 'exp' | 'jti', unknown>> = {},
): string {
  const now = Math.floor(t.clock.now() / 1000);
  const header = { alg: key.alg, kid: key.kid, typ: 'JWT' };
  const payload = {
    iss: clientId,
    sub: clientId,
    aud: TOKEN_URL,
    exp: now + 240,
    jti: randomUUID(),
    ...claims,
  };
  const input = `${b64(header)}.${b64(payload)}`;
  const signature =
    key.alg === 'RS384'
      ? sign('sha384', Buffer.from(input), key.privateKey)
      : sign('sha384', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
const rsaKey = () => ({ alg: 'RS384' as const, kid: 'rsa-1', privateKey: rsa.privateKey });
const ecKey = () => ({ alg: 'ES384' as const, kid: 'ec-1', privateKey: ec.privateKey });

const tokenRequest = (assertion: string, extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
      ...extra,
    }).toString(),
  });

beforeAll(async () => {
  t = await createTestContext();
  const clinicId = await buildClinic(t.deps);
  const admin = await buildUser(t.deps, clinicId, 'admin');
  session = await signIn(t.app, admin.email, PASSWORD);
  const res = await call(t.app, session, 'POST', '/api/admin/api-clients', {
    name: 'Warehouse',
    scopes: 'system/Patient.rs',
    jwks: { keys: [rsaJwk] },
  });
  expect(res.statusCode).toBe(201);
  const made = res.json<{ client: { id: string; version: number; publicKeys: unknown } }>();
  clientId = made.client.id;
  version = made.client.version;
  expect(made.client.publicKeys).toEqual([{ kid: 'rsa-1', alg: 'RS384' }]);
});
afterAll(() => t.close());

describe('private_key_jwt at /oauth2/token', () => {
  it('a good RS384 assertion gets a token that reads FHIR', async () => {
    const res = await tokenRequest(jwt(rsaKey()));
    expect(res.statusCode).toBe(200);
    const body = res.json<{ access_token: string; scope: string; expires_in: number }>();
    expect(body).toMatchObject({ token_type: 'bearer', scope: 'system/Patient.rs', expires_in: 300 });
    const fhir = await t.app.inject({
      method: 'GET',
      url: '/fhir/R4/Patient',
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(fhir.statusCode).toBe(200);
    // client_id in the form may repeat the iss.
    expect((await tokenRequest(jwt(rsaKey()), { client_id: clientId })).statusCode).toBe(200);
  });

  it.each([
    ['a wrong aud', () => jwt(rsaKey(), { aud: 'https://elsewhere.example/oauth2/token' }), 'aud'],
    ['an expired assertion', () => jwt(rsaKey(), { exp: Math.floor(t.clock.now() / 1000) - 1 }), 'expired'],
    [
      'exp more than five minutes ahead',
      () => jwt(rsaKey(), { exp: Math.floor(t.clock.now() / 1000) + 301 }),
      'five minutes',
    ],
    ['sub not the client', () => jwt(rsaKey(), { sub: 'someone-else' }), 'iss and sub'],
    ['no jti', () => jwt(rsaKey(), { jti: undefined }), 'jti'],
    ['a bad signature', () => `${jwt(rsaKey()).slice(0, -6)}AAAAAA`, 'could not be verified'],
    ['an unknown kid', () => jwt({ ...rsaKey(), kid: 'rsa-2' }), 'could not be verified'],
    [
      'a key the client did not register',
      () =>
        jwt({
          alg: 'RS384',
          kid: 'rsa-1',
          privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        }),
      'could not be verified',
    ],
    [
      'an unknown client',
      () => jwt(rsaKey(), { iss: randomUUID(), sub: randomUUID() }),
      'could not be verified',
    ],
    ['not a JWT', () => 'not.a.jwt', 'could not be verified'],
  ])('%s is invalid_client (401)', async (_name, assertion, words) => {
    const res = await tokenRequest(assertion());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_client' });
    expect(res.json<{ error_description: string }>().error_description).toContain(words);
  });

  it('a replayed jti is refused while the assertion lives; a new jti is fine', async () => {
    const once = jwt(rsaKey());
    expect((await tokenRequest(once)).statusCode).toBe(200);
    const again = await tokenRequest(once);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringContaining('jti'),
    });
    const sameJti = jwt(rsaKey(), { jti: 'fixed-jti' });
    expect((await tokenRequest(sameJti)).statusCode).toBe(200);
    expect((await tokenRequest(jwt(rsaKey(), { jti: 'fixed-jti' }))).statusCode).toBe(401);
    // A failed assertion does not spend its jti.
    expect((await tokenRequest(jwt(rsaKey(), { jti: 'unspent', aud: 'x' }))).statusCode).toBe(401);
    expect((await tokenRequest(jwt(rsaKey(), { jti: 'unspent' }))).statusCode).toBe(200);
  });

  it('the assertion type must be jwt-bearer, and a secret with an assertion is refused', async () => {
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:example:other',
        client_assertion: jwt(rsaKey()),
      }).toString(),
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ error: 'invalid_request' });
    const both = await tokenRequest(jwt(rsaKey()), { client_secret: 'x' });
    expect(both.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('the admin replaces the keys (ES384 added); removing them ends private_key_jwt', async () => {
    t.clock.set(t.clock.now() + 61_000); // a fresh minute of the token throttle
    session = await signIn(t.app, (await adminEmail()) ?? '', PASSWORD);
    const bad = await call(
      t.app,
      session,
      'PUT',
      `/api/admin/api-clients/${clientId}/keys`,
      {
        jwks: { keys: [{ ...rsaJwk, d: 'secret-part' }] },
      },
      { 'if-match': `"${String(version)}"` },
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('body.jwks.keys.0');
    const res = await call(
      t.app,
      session,
      'PUT',
      `/api/admin/api-clients/${clientId}/keys`,
      {
        jwks: { keys: [rsaJwk, ecJwk] },
      },
      { 'if-match': `"${String(version)}"` },
    );
    expect(res.statusCode).toBe(200);
    const client = res.json<{ version: number; publicKeys: unknown }>();
    expect(client.publicKeys).toEqual([
      { kid: 'rsa-1', alg: 'RS384' },
      { kid: 'ec-1', alg: 'ES384' },
    ]);
    expect((await tokenRequest(jwt(ecKey()))).statusCode).toBe(200);
    // An RSA key's JWT claiming ES384 is not verified with it.
    expect((await tokenRequest(jwt({ ...ecKey(), kid: 'rsa-1' }))).statusCode).toBe(401);
    const stale = await call(
      t.app,
      session,
      'PUT',
      `/api/admin/api-clients/${clientId}/keys`,
      { jwks: null },
      {
        'if-match': `"${String(version)}"`,
      },
    );
    expect(stale.statusCode).toBe(412);
    const removed = await call(
      t.app,
      session,
      'PUT',
      `/api/admin/api-clients/${clientId}/keys`,
      { jwks: null },
      {
        'if-match': `"${String(client.version)}"`,
      },
    );
    expect(removed.statusCode).toBe(200);
    expect((await tokenRequest(jwt(ecKey()))).statusCode).toBe(401);
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', clientId)
      .where('action', '=', 'api_client.keys')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('SMART configuration lists private_key_jwt and the algorithms', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/smart-configuration' });
    expect(res.json()).toMatchObject({
      token_endpoint_auth_methods_supported: expect.arrayContaining(['private_key_jwt']),
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      capabilities: expect.arrayContaining(['client-confidential-asymmetric']),
    });
  });
});

async function adminEmail() {
  const row = await t.deps.database.db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return row?.email;
}
