import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD } from '../../testing/factories.js';
import { codeAt } from './two-factor-codes.js';
import { purgeSignInLeftovers } from './two-factor-sign-in.js';
import {
  challengeOf,
  codeStep,
  passwordStep,
  sessionOf,
  signInWithCode,
  STEP,
  turnOnTwoFactor,
} from './two-factor.test-kit.js';

/** Issue 13: two-step sign-in (TOTP + recovery codes), its throttle and its audit. */
let t: TestContext;
let clinic: string;

beforeAll(async () => {
  t = await createTestContext({
    loginMaxFailures: 5,
    loginClientMaxFailures: 50,
    loginAccountMaxFailures: 8,
  });
  clinic = await buildClinic(t.deps);
});
afterAll(() => t.close());

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.deps.database.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('actor_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('set-up in the user settings', () => {
  it('is on only after a current code confirms it; the key is never shown again', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const session = await signIn(t.app, user.email, PASSWORD);
    const setup = await call(t.app, session, 'POST', '/api/auth/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const body = setup.json<{ key: string; otpauthUri: string; qrSvg: string }>();
    expect(body.key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(body.otpauthUri).toContain('otpauth://totp/Duet:');
    expect(body.qrSvg).toContain('<svg');
    const secret = body.key.replace(/ /g, '');

    // Not on before confirmation: the password alone still signs in.
    expect((await call(t.app, session, 'GET', '/api/auth/two-factor')).json()).toMatchObject({
      enabled: false,
    });
    expect((await passwordStep(t, user.email)).json()).toHaveProperty('user');

    const wrong = await call(t.app, session, 'POST', '/api/auth/two-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'body.code', message: 'Not correct' }]);

    const confirm = await call(t.app, session, 'POST', '/api/auth/two-factor/confirm', {
      code: codeAt(secret, t.clock.now()),
    });
    expect(confirm.statusCode).toBe(200);
    const codes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const status = await call(t.app, session, 'GET', '/api/auth/two-factor');
    expect(status.json()).toEqual({ enabled: true, recoveryCodesLeft: 10, requiredForMe: false });
    expect(status.body).not.toContain(secret);
    // A new set-up (which would show a key) is refused while it is on.
    expect((await call(t.app, session, 'POST', '/api/auth/two-factor/setup')).statusCode).toBe(409);
    // The key is stored sealed with the server key, never as it is.
    const row = await t.deps.database.db
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(secret);
    expect(row.secret.startsWith('v1.')).toBe(true);
    // Recovery codes are stored hashed only.
    const stored = await t.deps.database.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    expect(await auditActions(user.id)).toContain('account.two_factor_on:allowed');
  });
});

describe('signing in with a second step', () => {
  it('a right password answers "code needed" with no session; the code then signs in', async () => {
    const user = await buildUser(t.deps, clinic, 'prescriber');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));

    const first = await passwordStep(t, user.email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      secondFactorRequired: true,
      challenge: expect.any(String),
      expiresAt: t.clock.now() + 5 * 60_000,
    });
    expect(first.cookies.find((c) => c.name === 'duet_session')).toBeUndefined();

    const second = await codeStep(t, challengeOf(first), codeAt(secret, t.clock.now()));
    expect(second.statusCode).toBe(200);
    const session = sessionOf(second);
    expect((await call(t.app, session, 'GET', '/api/auth/session')).json().user.id).toBe(user.id);
    expect(await auditActions(user.id)).toContain('auth.second_factor:allowed');
  });

  it('refuses a code used already in the same 30 s step, and a challenge used once', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const code = codeAt(secret, t.clock.now());
    const challenge = challengeOf(await passwordStep(t, user.email));
    expect((await codeStep(t, challenge, code)).statusCode).toBe(200);
    // Same challenge again: used.
    expect((await codeStep(t, challenge, code)).statusCode).toBe(401);
    // Same code on a fresh challenge, same step: refused.
    const reuse = await codeStep(t, challengeOf(await passwordStep(t, user.email)), code);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.details).toEqual([{ path: 'body.code', message: 'Not correct' }]);
    expect(await auditActions(user.id)).toContain('auth.second_factor:denied');
  });

  it('one code sent twice at once signs in only once', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const code = codeAt(secret, t.clock.now());
    const first = challengeOf(await passwordStep(t, user.email));
    const second = challengeOf(await passwordStep(t, user.email));
    const answers = await Promise.all([codeStep(t, first, code), codeStep(t, second, code)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
  });

  it('accepts the step before and after (phone clock drift), not two steps away', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    t.clock.advance(3 * STEP);
    const twoAgo = codeAt(secret, t.clock.now() - 2 * STEP);
    expect((await codeStep(t, challengeOf(await passwordStep(t, user.email)), twoAgo)).statusCode).toBe(401);
    const oneAgo = codeAt(secret, t.clock.now() - STEP);
    expect((await codeStep(t, challengeOf(await passwordStep(t, user.email)), oneAgo)).statusCode).toBe(200);
    t.clock.advance(3 * STEP);
    const oneAhead = codeAt(secret, t.clock.now() + STEP);
    expect((await codeStep(t, challengeOf(await passwordStep(t, user.email)), oneAhead)).statusCode).toBe(
      200,
    );
  });

  it('a challenge dies after 5 minutes', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const challenge = challengeOf(await passwordStep(t, user.email));
    t.clock.advance(5 * 60_000);
    const late = await codeStep(t, challenge, codeAt(secret, t.clock.now()));
    expect(late.statusCode).toBe(401);
    expect(late.json().error.details).toEqual([{ path: 'body.challenge', message: 'Expired' }]);
  });

  it('a recovery code signs in once', async () => {
    const user = await buildUser(t.deps, clinic, 'care_manager');
    const { recoveryCodes } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const code = recoveryCodes[3] ?? '';
    const first = await codeStep(t, challengeOf(await passwordStep(t, user.email)), code.toUpperCase());
    expect(first.statusCode).toBe(200);
    const again = await codeStep(t, challengeOf(await passwordStep(t, user.email)), code);
    expect(again.statusCode).toBe(401);
    const session = sessionOf(first);
    expect((await call(t.app, session, 'GET', '/api/auth/two-factor')).json()).toMatchObject({
      recoveryCodesLeft: 9,
    });
    expect(await auditActions(user.id)).toContain('auth.second_factor_recovery_code:allowed');
  });
});

describe('code attempts are throttled like passwords', () => {
  it('a challenge takes at most 5 codes, then dies (even the right code)', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const challenge = challengeOf(await passwordStep(t, user.email, { ip: '10.1.0.1' }));
    for (let i = 0; i < 5; i++)
      expect((await codeStep(t, challenge, '000000', { ip: `10.1.1.${String(i)}` })).statusCode).toBe(401);
    const right = await codeStep(t, challenge, codeAt(secret, t.clock.now()), { ip: '10.1.2.1' });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.details).toEqual([{ path: 'body.challenge', message: 'Expired' }]);
  });

  it('per account and client: fresh challenges do not buy more guesses (429)', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const challenge = challengeOf(await passwordStep(t, user.email, { ip: '10.2.0.1' }));
      statuses.push((await codeStep(t, challenge, '000000', { ip: '10.2.0.1' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const challenge = challengeOf(await passwordStep(t, user.email, { ip: '10.2.0.9' }));
    // Another client still gets its own tries.
    expect((await codeStep(t, challenge, codeAt(secret, t.clock.now()), { ip: '10.2.0.9' })).statusCode).toBe(
      200,
    );
  });

  it('per account from anywhere: a distributed guess meets the account-wide delay', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ip = `10.3.0.${String(i)}`;
      const challenge = challengeOf(await passwordStep(t, user.email, { ip }));
      statuses.push((await codeStep(t, challenge, '000000', { ip })).statusCode);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // Whoever sent them knew the password: the owner is told, once.
    const mails = await t.deps.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', user.email)
      .execute();
    expect(mails.map((m) => m.subject)).toEqual([
      'Someone who knows your Duet password is trying to sign in',
    ]);
    expect(mails[0]?.text_body).not.toMatch(/https?:\/\//);
  });
});

describe('turning off and new recovery codes need the password and a code', () => {
  it('refuses a wrong password or code at its field; then turns off', async () => {
    const user = await buildUser(t.deps, clinic, 'patient');
    const session = await signIn(t.app, user.email, PASSWORD);
    const { secret, recoveryCodes } = await turnOnTwoFactor(t, session);

    const badPassword = await call(t.app, session, 'POST', '/api/auth/two-factor/off', {
      password: 'not-the-password-1',
      code: codeAt(secret, t.clock.now()),
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.details).toEqual([{ path: 'body.password', message: 'Not correct' }]);
    const badCode = await call(t.app, session, 'POST', '/api/auth/two-factor/off', {
      password: PASSWORD,
      code: '123456',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details).toEqual([{ path: 'body.code', message: 'Not correct' }]);

    // New recovery codes: the old ones stop working.
    const renewed = await call(t.app, session, 'POST', '/api/auth/two-factor/recovery-codes', {
      password: PASSWORD,
      code: codeAt(secret, t.clock.now()),
    });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await codeStep(t, challengeOf(await passwordStep(t, user.email)), recoveryCodes[0] ?? '');
    expect(old.statusCode).toBe(401);

    const off = await call(t.app, session, 'POST', '/api/auth/two-factor/off', {
      password: PASSWORD,
      code: fresh[0],
    });
    expect(off.statusCode).toBe(204);
    expect((await passwordStep(t, user.email)).json()).toHaveProperty('user');
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['account.recovery_codes_new:allowed', 'account.two_factor_off:allowed']),
    );
  });
});

describe('sign-in helpers', () => {
  it('signInWithCode opens a session', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    const session = await signInWithCode(t, user.email, secret);
    expect((await call(t.app, session, 'GET', '/api/auth/devices')).statusCode).toBe(200);
  });
});

describe('clean-up', () => {
  it('the scheduled purge deletes expired challenges and known devices, and nothing live', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await turnOnTwoFactor(t, await signIn(t.app, user.email, PASSWORD));
    await passwordStep(t, user.email);
    const count = async (table: 'second_factor_challenges' | 'known_devices') =>
      (await t.deps.database.db.selectFrom(table).select('user_id').where('user_id', '=', user.id).execute())
        .length;
    expect(await count('second_factor_challenges')).toBe(1);
    expect(await count('known_devices')).toBe(1);
    await purgeSignInLeftovers(t.deps);
    expect(await count('second_factor_challenges')).toBe(1);
    t.clock.advance(5 * 60_000);
    await purgeSignInLeftovers(t.deps);
    expect(await count('second_factor_challenges')).toBe(0);
    expect(await count('known_devices')).toBe(1);
    t.clock.advance(180 * 24 * 60 * 60_000);
    await purgeSignInLeftovers(t.deps);
    expect(await count('known_devices')).toBe(0);
  });
});
