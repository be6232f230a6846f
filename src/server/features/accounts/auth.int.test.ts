import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';

let t: TestContext;
let therapist: BuiltUser;
let admin: BuiltUser;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  admin = await buildUser(t.deps, clinic, 'admin');
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite=Lax', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: therapist.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'duet_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      user: { email: therapist.email, role: 'therapist' },
      csrfToken: expect.any(String),
    });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: 'not-the-password-1' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@nowhere.test', password: 'not-the-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
  });

  it('rejects a malformed body with validation_failed, never a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@y.z' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toContain('password');
  });

  it('rejects bodies over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(200_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});

describe('throttling', () => {
  it('locks an account for a client after 5 failures with 429 and Retry-After, and the lock grows', async () => {
    const clinic = await buildClinic(t.deps);
    const victim = await buildUser(t.deps, clinic, 'prescriber');
    const attempt = (password: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.email, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 5; i++)
      expect((await attempt('wrong-password-' + String(i), '10.0.1.1')).statusCode).toBe(401);
    const locked = await attempt(PASSWORD, '10.0.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    const first = Number(locked.headers['retry-after']);
    expect(first).toBeGreaterThan(0);
    t.clock.advance(first * 1000 + 1);
    expect((await attempt('wrong-again-123', '10.0.1.1')).statusCode).toBe(401);
    const second = Number((await attempt(PASSWORD, '10.0.1.1')).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
    t.clock.advance(second * 1000 + 1);
    expect((await attempt(PASSWORD, '10.0.1.1')).statusCode).toBe(200);
  });

  it('locks an IP address after its failures across different accounts reach the client limit', async () => {
    for (let i = 0; i < t.config.loginClientMaxFailures; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `guess${String(i)}@x.test`, password: 'guess-password-1' },
        remoteAddress: '192.0.2.77',
      });
      expect(res.statusCode).toBe(401);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: therapist.email, password: PASSWORD },
      remoteAddress: '192.0.2.77',
    });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('sessions', () => {
  it('requires the CSRF token on state-changing requests made with the cookie', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    t.clock.advance(29 * 60_000);
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await call(t.app, s, 'GET', '/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      await call(t.app, s, 'GET', '/api/auth/session');
    }
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('logout ends every session of the user', async () => {
    const a = await signIn(t.app, therapist.email, PASSWORD);
    const b = await signIn(t.app, therapist.email, PASSWORD);
    expect((await call(t.app, a, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(t.app, a, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(t.app, b, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('a password change ends the other sessions and checks the new password', async () => {
    const clinic = await buildClinic(t.deps);
    const user = await buildUser(t.deps, clinic, 'care_manager');
    const a = await signIn(t.app, user.email, PASSWORD);
    const b = await signIn(t.app, user.email, PASSWORD);
    const weak = await call(t.app, a, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    const common = await call(t.app, a, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'password1234',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toMatch(/common/);
    const wrongCurrent = await call(t.app, a, 'POST', '/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-much-better-secret-9',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const ok = await call(t.app, a, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-much-better-secret-9',
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(t.app, b, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(t.app, a, 'GET', '/api/auth/session')).statusCode).toBe(401);
    await signIn(t.app, user.email, 'a-much-better-secret-9');
  });

  it('sends security headers with a CSP that forbids inline scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toEqual({ status: 'ok', database: t.deps.database.engine });
  });
});
