import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';

/**
 * Issue 13 V1, V2, V9: the sign-in throttle under concurrency, behind a shared NAT and behind proxies.
 * Limits here: 5 per account+client, 12 per client across accounts, 8 per account from anywhere.
 */
const LIMITS = { loginMaxFailures: 5, loginClientMaxFailures: 12, loginAccountMaxFailures: 8 };

let t: TestContext;
let clinic: string;
let passwordChecks = 0;

beforeAll(async () => {
  t = await createTestContext(LIMITS);
  clinic = await buildClinic(t.deps);
  // Count every argon2 check the sign-in makes (a real one or the dummy one for an unknown email).
  const { verify, verifyDummy } = t.deps.passwords;
  t.deps.passwords.verify = (hash, password) => {
    passwordChecks++;
    return verify(hash, password);
  };
  t.deps.passwords.verifyDummy = (password) => {
    passwordChecks++;
    return verifyDummy(password);
  };
});
afterAll(() => t.close());

const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers,
  });

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode);
const count = (responses: LightMyRequestResponse[], status: number) =>
  responses.filter((r) => r.statusCode === status).length;

function expectRateLimited(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({
    error: {
      code: 'rate_limited',
      message: expect.any(String),
      details: { retryAfterSeconds: expect.any(Number) },
    },
  });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('concurrent guessing (V1)', () => {
  it('200 wrong passwords at once check at most the limit; the rest are 429', async () => {
    const victim = await buildUser(t.deps, clinic, 'prescriber');
    passwordChecks = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login(victim.email, `wrong-guess-${String(i)}`, '198.51.100.1')),
    );
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMITS.loginMaxFailures);
    expect(count(answers, 401)).toBeGreaterThan(0);
    expect(count(answers, 429)).toBe(200 - count(answers, 401));
    expect(passwordChecks).toBeLessThanOrEqual(LIMITS.loginMaxFailures);
    const refused = answers.find((r) => r.statusCode === 429);
    if (!refused) throw new Error('no 429 in the burst');
    expectRateLimited(refused);
  });

  it('20 at once with the right password last does not sign in once the reserved attempts run out', async () => {
    const victim = await buildUser(t.deps, clinic, 'therapist');
    const wrong = Array.from({ length: 19 }, (_, i) =>
      login(victim.email, `wrong-${String(i)}`, '198.51.100.2'),
    );
    // The right one leaves last, while the 19 are still in flight (a pool may reorder truly simultaneous
    // requests on PostgreSQL; a short head start keeps "last" last without waiting for the answers).
    await new Promise((resolve) => setTimeout(resolve, 25));
    const answers = await Promise.all([...wrong, login(victim.email, PASSWORD, '198.51.100.2')]);
    expect(answers.slice(0, 19).every((r) => r.statusCode !== 200)).toBe(true);
    expect(count(answers, 200)).toBe(0);
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMITS.loginMaxFailures);
    const last = answers[answers.length - 1];
    if (!last) throw new Error('no answers');
    expectRateLimited(last);
    // And the right password right after, from the same client, is still refused.
    expectRateLimited(await login(victim.email, PASSWORD, '198.51.100.2'));
  });

  it('a burst from 200 addresses checks at most the per-account limit, then delays the owner only briefly', async () => {
    const victim = await buildUser(t.deps, clinic, 'care_manager');
    passwordChecks = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login(victim.email, `spray-${String(i)}`, `203.0.113.${String(i % 250)}`),
      ),
    );
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMITS.loginAccountMaxFailures);
    expect(passwordChecks).toBeLessThanOrEqual(LIMITS.loginAccountMaxFailures);
    // The owner is slowed, not locked out for an hour: the account-wide delay is at most 5 minutes.
    const owner = await login(victim.email, PASSWORD, '192.0.2.10');
    expectRateLimited(owner);
    const wait = Number(owner.headers['retry-after']);
    expect(wait).toBeLessThanOrEqual(5 * 60);
    t.clock.advance(wait * 1000 + 1);
    expect((await login(victim.email, PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    // The owner was told once, at the account-wide limit.
    const warnings = await t.deps.database.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', victim.email)
      .execute();
    expect(warnings).toEqual([{ subject: 'Someone is trying to sign in to your Duet account' }]);
  });
});

describe('concurrent successes and failures', () => {
  it('sign-ins and wrong guesses for one account at once never fail with a 500 (no deadlock)', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0
          ? login(user.email, PASSWORD, `192.0.2.${String(100 + (i % 6))}`)
          : login(user.email, `wrong-${String(i)}`, `192.0.2.${String(100 + (i % 6))}`),
      ),
    );
    expect(statuses(answers).every((s) => [200, 401, 429].includes(s))).toBe(true);
    expect(count(answers, 200)).toBeGreaterThan(0);
  });
});

describe('a shared clinic NAT (V2)', () => {
  it("one patient's typos do not lock another patient's correct sign-in from the same address", async () => {
    const typist = await buildUser(t.deps, clinic, 'patient');
    const neighbour = await buildUser(t.deps, clinic, 'patient');
    const nat = '192.0.2.200';
    for (let i = 0; i < LIMITS.loginMaxFailures; i++)
      expect((await login(typist.email, `typo-${String(i)}`, nat)).statusCode).toBe(401);
    expectRateLimited(await login(typist.email, PASSWORD, nat));
    expect((await login(neighbour.email, PASSWORD, nat)).statusCode).toBe(200);
    // The typist is locked only on that client: from home they still sign in.
    expect((await login(typist.email, PASSWORD, '192.0.2.201')).statusCode).toBe(200);
  });

  it('spraying many accounts from one address is stopped at the client limit; other addresses are not', async () => {
    const users: BuiltUser[] = [];
    for (let i = 0; i < 3; i++) users.push(await buildUser(t.deps, clinic, 'therapist'));
    const sprayer = '198.51.100.99';
    for (let i = 0; i < LIMITS.loginClientMaxFailures; i++)
      expect((await login(`nobody-${String(i)}@x.test`, 'spray-password-1', sprayer)).statusCode).toBe(401);
    const [first, second] = users;
    if (!first || !second) throw new Error('users not built');
    expectRateLimited(await login(first.email, PASSWORD, sprayer));
    expect((await login(second.email, PASSWORD, '198.51.100.100')).statusCode).toBe(200);
  });

  it('successful sign-ins from one address give their slots back (a busy clinic is never locked)', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    for (let i = 0; i < LIMITS.loginClientMaxFailures * 2; i++)
      expect((await login(user.email, PASSWORD, '192.0.2.222')).statusCode).toBe(200);
  });
});

describe('the current password (V9)', () => {
  it('wrong current passwords are throttled like sign-ins; the right one is then refused with 429', async () => {
    const user = await buildUser(t.deps, clinic, 'care_manager');
    const session = await signIn(t.app, user.email, PASSWORD);
    const change = (currentPassword: string) =>
      call(t.app, session, 'POST', '/api/auth/password', {
        currentPassword,
        newPassword: 'a-much-better-secret-9',
      });
    for (let i = 0; i < LIMITS.loginMaxFailures; i++)
      expect((await change(`not-it-${String(i)}`)).statusCode).toBe(400);
    expectRateLimited(await change(PASSWORD));
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`burst-${String(i)}`)));
    expect(statuses(burst).every((s) => s === 429)).toBe(true);
  });
});

describe('behind trusted proxies (V2)', () => {
  let proxied: TestContext;
  let victim: BuiltUser;
  beforeAll(async () => {
    proxied = await createTestContext({ ...LIMITS, trustProxy: ['10.0.0.1'] });
    victim = await buildUser(proxied.deps, await buildClinic(proxied.deps), 'therapist');
  });
  afterAll(() => proxied.close());

  const viaProxy = (password: string, forwardedFor: string) =>
    proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: victim.email, password },
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('a changing, client-written leftmost X-Forwarded-For is ignored: the real hop is throttled', async () => {
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < LIMITS.loginMaxFailures + 3; i++)
      answers.push(await viaProxy(`guess-${String(i)}`, `6.6.6.${String(i)}, 203.0.113.9`));
    expect(statuses(answers).slice(0, LIMITS.loginMaxFailures)).toEqual(
      Array.from({ length: LIMITS.loginMaxFailures }, () => 401),
    );
    for (const refused of answers.slice(LIMITS.loginMaxFailures)) expectRateLimited(refused);
    // Another real client behind the same proxy is not affected.
    expect((await viaProxy(PASSWORD, '6.6.6.6, 203.0.113.10')).statusCode).toBe(200);
  });

  it('a request straight from an untrusted address cannot choose its address with the header', async () => {
    const other = await buildUser(proxied.deps, await buildClinic(proxied.deps), 'therapist');
    const direct = (password: string, i: number) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: other.email, password },
        remoteAddress: '198.51.100.50',
        headers: { 'x-forwarded-for': `7.7.7.${String(i)}` },
      });
    for (let i = 0; i < LIMITS.loginMaxFailures; i++) expect((await direct('guess', i)).statusCode).toBe(401);
    expectRateLimited(await direct(PASSWORD, 99));
  });
});

describe('general API rate limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ rateLimitPerMinute: 5 });
  });
  afterAll(() => limited.close());

  it('answers 429 in the usual error shape past the limit per client, never on /api/health', async () => {
    const get = (url: string, ip: string) => limited.app.inject({ method: 'GET', url, remoteAddress: ip });
    const invite = '/api/invites/' + 'x'.repeat(32); // a public route: no session needed
    for (let i = 0; i < 5; i++) expect((await get(invite, '198.51.100.7')).statusCode).toBe(404);
    expectRateLimited(await get(invite, '198.51.100.7'));
    expect((await get(invite, '198.51.100.8')).statusCode).toBe(404);
    for (let i = 0; i < 10; i++) expect((await get('/api/health', '198.51.100.7')).statusCode).toBe(200);
  });

  it('counts a signed-in session on its own, apart from its address', async () => {
    const user = await buildUser(limited.deps, await buildClinic(limited.deps), 'therapist');
    const session = await signIn(limited.app, user.email, PASSWORD); // 1 request from 127.0.0.1
    for (let i = 0; i < 5; i++)
      expect((await call(limited.app, session, 'GET', '/api/auth/session')).statusCode).toBe(200);
    expectRateLimited(await call(limited.app, session, 'GET', '/api/auth/session'));
  });
});

describe('purging', () => {
  it('forgets rows with no lock and no attempt for 15 minutes, keeps the locked ones', async () => {
    const rows = () => t.deps.database.db.selectFrom('login_throttle').select('key').execute();
    const user = await buildUser(t.deps, clinic, 'therapist');
    for (let i = 0; i < LIMITS.loginMaxFailures; i++)
      expect((await login(user.email, `typo-${String(i)}`, '192.0.2.250')).statusCode).toBe(401);
    t.clock.advance(2 * 60 * 60_000); // every lock so far (at most 1 hour) has run out
    expect((await login(user.email, 'one-more-typo', '192.0.2.251')).statusCode).toBe(401);
    const before = (await rows()).length;
    t.clock.advance(16 * 60_000);
    for (let i = 0; i < LIMITS.loginMaxFailures; i++)
      expect((await login(user.email, `again-${String(i)}`, '192.0.2.252')).statusCode).toBe(401);
    await t.deps.loginThrottle.purge();
    const after = await rows();
    // Only the keys touched in the last 15 minutes (or still locked) are left: 192.0.2.252's pair and client
    // keys and the user's account key.
    expect(before).toBeGreaterThan(3);
    expect(after).toHaveLength(3);
    expectRateLimited(await login(user.email, PASSWORD, '192.0.2.252'));
  });
});
