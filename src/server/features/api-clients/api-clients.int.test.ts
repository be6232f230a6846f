import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { hashToken } from '../../platform/ids.js';
import { TOKEN_REQUESTS_PER_MINUTE } from './token-throttle.js';

let t: TestContext;
let admin: BuiltUser;
let session: Session;
let therapist: BuiltUser;

beforeAll(async () => {
  t = await createTestContext();
  const clinicId = await buildClinic(t.deps);
  admin = await buildUser(t.deps, clinicId, 'admin');
  therapist = await buildUser(t.deps, clinicId, 'therapist', 'Dana Therapist');
  session = await signIn(t.app, admin.email, PASSWORD);
});
afterAll(() => t.close());

const form = (fields: Record<string, string>, basic?: { id: string; secret: string }) =>
  t.app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic
        ? { authorization: `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}` }
        : {}),
    },
    payload: new URLSearchParams(fields).toString(),
  });

async function create(body: object) {
  return call(t.app, session, 'POST', '/api/admin/api-clients', body);
}

describe('API clients (admin)', () => {
  it('creates a client, shows its secret once and stores only its SHA-256', async () => {
    const res = await create({ name: 'Lab EHR', scopes: 'system/Observation.rs system/Patient.r' });
    expect(res.statusCode).toBe(201);
    const { client, clientSecret } = res.json<{
      client: { id: string; scopes: string };
      clientSecret: string;
    }>();
    expect(Buffer.from(clientSecret, 'base64url')).toHaveLength(32);
    const row = await t.deps.database.db
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(hashToken(clientSecret));
    const list = await call(t.app, session, 'GET', '/api/admin/api-clients');
    expect(list.body).not.toContain(clientSecret);
    expect(list.json<{ clients: { id: string }[] }>().clients.map((c) => c.id)).toContain(client.id);
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('resource_id', '=', client.id)
      .execute();
    expect(events).toContainEqual({ action: 'api_client.create', actor_id: admin.id });
  });

  it('refuses a bad scope at body.scopes, naming it', async () => {
    const res = await create({ name: 'Bad', scopes: 'system/Observation.rs patient/Patient.r' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string; message: string }[] } }>().error.details).toEqual([
      expect.objectContaining({
        path: 'body.scopes',
        message: expect.stringContaining('patient/Patient.r') as string,
      }),
    ]);
  });

  it('refuses a care-team limit naming someone who is not a clinician of the clinic', async () => {
    const res = await create({
      name: 'Team',
      scopes: 'system/*.rs',
      teamMemberIds: [therapist.id, admin.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.teamMemberIds.1',
    );
    const ok = await create({ name: 'Team', scopes: 'system/*.rs', teamMemberIds: [therapist.id] });
    expect(ok.json<{ client: { teamMembers: unknown } }>().client.teamMembers).toEqual([
      { id: therapist.id, name: 'Dana Therapist' },
    ]);
  });

  it('rotates with If-Match: the old secret and its tokens stop working', async () => {
    const made = (await create({ name: 'Rotating', scopes: 'system/Patient.rs' })).json<{
      client: { id: string; version: number };
      clientSecret: string;
    }>();
    const old = { id: made.client.id, secret: made.clientSecret };
    const token = (await form({ grant_type: 'client_credentials' }, old)).json<{ access_token: string }>()
      .access_token;
    const url = `/api/admin/api-clients/${made.client.id}/rotate`;
    expect((await call(t.app, session, 'POST', url)).statusCode).toBe(428);
    expect((await call(t.app, session, 'POST', url, undefined, { 'if-match': '"9"' })).statusCode).toBe(412);
    const rotated = await call(t.app, session, 'POST', url, undefined, { 'if-match': '"1"' });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<{ clientSecret: string }>().clientSecret;
    expect(fresh).not.toBe(old.secret);
    expect((await form({ grant_type: 'client_credentials' }, old)).statusCode).toBe(401);
    expect((await form({ grant_type: 'client_credentials' }, { id: old.id, secret: fresh })).statusCode).toBe(
      200,
    );
    const tokens = await t.deps.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('token_hash', '=', hashToken(token))
      .execute();
    expect(tokens).toEqual([]);
  });

  it('revokes: no more tokens, rotation refused', async () => {
    const made = (await create({ name: 'Leaving', scopes: 'system/Patient.rs' })).json<{
      client: { id: string };
      clientSecret: string;
    }>();
    const res = await call(
      t.app,
      session,
      'POST',
      `/api/admin/api-clients/${made.client.id}/revoke`,
      undefined,
      { 'if-match': '"1"' },
    );
    expect(res.json<{ status: string; revokedAt: number }>()).toMatchObject({
      status: 'revoked',
      revokedAt: t.clock.now(),
    });
    expect(
      (
        await form({ grant_type: 'client_credentials' }, { id: made.client.id, secret: made.clientSecret })
      ).json(),
    ).toEqual({
      error: 'invalid_client',
      error_description: expect.any(String) as string,
    });
    const rotate = await call(
      t.app,
      session,
      'POST',
      `/api/admin/api-clients/${made.client.id}/rotate`,
      undefined,
      { 'if-match': '"2"' },
    );
    expect(rotate.statusCode).toBe(409);
  });
});

describe('POST /oauth2/token (client credentials)', () => {
  let client: { id: string; secret: string };
  beforeAll(async () => {
    const made = (await create({ name: 'Token', scopes: 'system/Observation.rs system/Patient.r' })).json<{
      client: { id: string };
      clientSecret: string;
    }>();
    client = { id: made.client.id, secret: made.clientSecret };
  });

  it('answers a bearer token for 300 s with HTTP Basic, stored hashed', async () => {
    const res = await form({ grant_type: 'client_credentials' }, client);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<{ access_token: string }>();
    expect(body).toEqual({
      access_token: expect.any(String) as string,
      token_type: 'bearer',
      expires_in: 300,
      scope: 'system/Observation.rs system/Patient.r',
    });
    const row = await t.deps.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(body.access_token))
      .executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(t.clock.now() + 300_000);
  });

  it('accepts credentials in the body and narrows to the requested scope', async () => {
    const res = await form({
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
      scope: 'system/Patient.r',
    });
    expect(res.json<{ scope: string }>().scope).toBe('system/Patient.r');
  });

  it.each([
    [{ client_id: 'x', client_secret: 'y' }, 400, 'invalid_request'],
    [{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{ grant_type: 'client_credentials' }, 401, 'invalid_client'],
    [{ grant_type: 'client_credentials', client_id: 'nope', client_secret: 'nope' }, 401, 'invalid_client'],
  ])('answers RFC 6749 errors: %j → %i %s', async (fields, status, error) => {
    const res = await form(fields);
    expect(res.statusCode).toBe(status);
    expect(res.json<{ error: string }>().error).toBe(error);
  });

  it('refuses a wrong secret and a scope beyond the grant', async () => {
    expect(
      (await form({ grant_type: 'client_credentials' }, { id: client.id, secret: 'wrong' })).statusCode,
    ).toBe(401);
    const wider = await form({ grant_type: 'client_credentials', scope: 'system/Patient.rs' }, client);
    expect(wider.json<{ error: string }>()).toMatchObject({ error: 'invalid_scope' });
    expect(wider.statusCode).toBe(400);
  });

  it('refuses JSON (the token endpoint takes a form)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      payload: { grant_type: 'client_credentials' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toBe('invalid_request');
  });

  it('limits token requests per client address', async () => {
    const local = await createTestContext();
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= TOKEN_REQUESTS_PER_MINUTE; i++) {
        const res = await local.app.inject({
          method: 'POST',
          url: '/oauth2/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'grant_type=client_credentials',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      local.clock.advance(60_000);
      const after = await local.app.inject({
        method: 'POST',
        url: '/oauth2/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials',
      });
      expect(after.statusCode).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('publishes the SMART configuration at the root and at the FHIR base', async () => {
    for (const url of ['/.well-known/smart-configuration', '/fhir/R4/.well-known/smart-configuration']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.json()).toMatchObject({
        token_endpoint: 'http://localhost:3000/oauth2/token',
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: [
          'client_secret_basic',
          'client_secret_post',
          'private_key_jwt',
        ],
        token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      });
    }
  });
});
