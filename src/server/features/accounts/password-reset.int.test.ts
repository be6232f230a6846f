// Issue 13: "Forgot password" (docs/security.md "Password reset and email change").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { PASSWORD_RESET_REQUESTED } from '../../../shared/accounts/account-recovery.js';
import * as accounts from './accounts.repository.js';
import { HIDDEN_LINK } from './invites.js';

const NEW_PASSWORD = 'lantern-orchard-river-42';
let t: TestContext;
let clinic: string;
let admin: BuiltUser;
let dummyChecks = 0;

beforeAll(async () => {
  t = await createTestContext({
    loginMaxFailures: 5,
    loginClientMaxFailures: 12,
    loginAccountMaxFailures: 8,
  });
  clinic = await buildClinic(t.deps, 'Harbour Clinic');
  admin = await buildUser(t.deps, clinic, 'admin');
  const { verifyDummy } = t.deps.passwords;
  t.deps.passwords.verifyDummy = (password) => {
    dummyChecks++;
    return verifyDummy(password);
  };
});
afterAll(() => t.close());

let ipCounter = 0;
/** A fresh client address per test, so throttle keys of one test never touch another. */
const freshIp = () => `10.1.${String(Math.floor(++ipCounter / 250))}.${String(ipCounter % 250)}`;

const ask = (email: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip });
const complete = (token: string, password: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/complete',
    payload: { token, password },
    remoteAddress: ip,
  });

async function mailsTo(to: string) {
  return t.deps.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The newest reset token mailed to this address, as the person reads it in their mail. */
async function mailedToken(to: string): Promise<string> {
  const tokens = (await mailsTo(to))
    .map((m) => /\/reset-password#([A-Za-z0-9_-]+)/.exec(m.text_body)?.[1])
    .filter((x) => x !== undefined);
  const token = tokens.at(-1);
  if (!token) throw new Error('no reset mail for ' + to);
  return token;
}

const fieldError = (res: LightMyRequestResponse, path: string) =>
  res.json<{ error: { details?: { path: string }[] } }>().error.details?.find((d) => d.path === path);

describe('asking for a reset link', () => {
  it('answers the same for an active, unknown, invited and deactivated email, and mails only the active one', async () => {
    const active = await buildUser(t.deps, clinic, 'therapist');
    const deactivated = await buildUser(t.deps, clinic, 'therapist');
    await accounts.updateUser(t.deps.database.db, clinic, deactivated.id, { status: 'deactivated' }, 1);
    const invited = await buildUser(t.deps, clinic, 'prescriber');
    await accounts.updateUser(
      t.deps.database.db,
      clinic,
      invited.id,
      { status: 'invited', password_hash: null },
      1,
    );

    const answers: LightMyRequestResponse[] = [];
    for (const email of [active.email, 'nobody@nowhere.test', invited.email, deactivated.email]) {
      dummyChecks = 0;
      answers.push(await ask(email, freshIp()));
      // The same argon2 work whether or not the account exists.
      expect(dummyChecks).toBe(1);
    }
    for (const res of answers) {
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ message: PASSWORD_RESET_REQUESTED });
    }
    expect(await mailsTo(active.email)).toHaveLength(1);
    expect(await mailsTo('nobody@nowhere.test')).toHaveLength(0);
    expect(await mailsTo(invited.email)).toHaveLength(0);
    expect(await mailsTo(deactivated.email)).toHaveLength(0);
  });

  it('mails a link with the token in the fragment; only its SHA-256 is stored; 30 minutes; audited', async () => {
    const user = await buildUser(t.deps, clinic, 'care_manager');
    expect((await ask(user.email.toUpperCase(), freshIp())).statusCode).toBe(202);
    const token = await mailedToken(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.deps.database.db
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.expires_at).toBe(t.clock.now() + 30 * 60_000);
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('resource_id', '=', user.id)
      .execute();
    expect(events).toContainEqual({ action: 'security.password_reset_requested', actor_id: user.id });
  });

  it('the admin reading the outbox sees the reset mail with its link hidden', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    const adminSession = await signIn(t.app, admin.email, PASSWORD);
    const res = await call(t.app, adminSession, 'GET', '/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    const mail = res.json<{ mails: { to: string; text: string }[] }>().mails.find((m) => m.to === user.email);
    expect(mail?.text).toContain(HIDDEN_LINK);
    expect(mail?.text).toContain('Open this link to choose it');
    expect(res.body).not.toContain(token);
  });

  it('is throttled per email + client like sign-in, with 429 in the usual shape', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await ask(user.email, ip)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    const limited = await ask(user.email, ip);
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.any(String),
        details: { retryAfterSeconds: expect.any(Number) },
      },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not held up, and the account's sign-in is untouched by reset requests.
    expect((await ask(user.email, freshIp())).statusCode).toBe(202);
    await signIn(t.app, user.email, PASSWORD);
  });

  it('is throttled per client across emails', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await ask(`spray${String(i)}@nowhere.test`, ip)).statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(12);
    expect(statuses.slice(12)).toEqual([429, 429]);
  });
});

describe('choosing the new password', () => {
  it('changes the password, uses the link, kills other links, signs out every session and mails the owner', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const phone = await signIn(t.app, user.email, PASSWORD);
    const laptop = await signIn(t.app, user.email, PASSWORD);
    await ask(user.email, freshIp());
    const older = await mailedToken(user.email);
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    expect(token).not.toBe(older);

    // The older link died when the newer one was issued.
    const old = await complete(older, NEW_PASSWORD, freshIp());
    expect(old.statusCode).toBe(400);
    expect(fieldError(old, 'body.token')).toBeDefined();

    const done = await complete(token, NEW_PASSWORD, freshIp());
    expect(done.statusCode).toBe(200);
    for (const session of [phone, laptop]) {
      expect((await call(t.app, session, 'GET', '/api/auth/session')).statusCode).toBe(401);
    }
    await signIn(t.app, user.email, NEW_PASSWORD);
    await expect(signIn(t.app, user.email, PASSWORD)).rejects.toThrow(/401/);
    const mails = await mailsTo(user.email);
    expect(mails.at(-1)?.subject).toBe('Your Duet password was changed');

    // Single use.
    const again = await complete(token, 'another-long-password-77', freshIp());
    expect(again.statusCode).toBe(400);
    expect(fieldError(again, 'body.token')?.path).toBe('body.token');
    await signIn(t.app, user.email, NEW_PASSWORD);

    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('security.password_reset');
  });

  it('a link expires after 30 minutes (by the injected clock)', async () => {
    const user = await buildUser(t.deps, clinic, 'prescriber');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    t.clock.advance(30 * 60_000);
    const res = await complete(token, NEW_PASSWORD, freshIp());
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/Ask for a new link/);
    await signIn(t.app, user.email, PASSWORD);
  });

  it('a link 1 ms before expiry still works', async () => {
    const user = await buildUser(t.deps, clinic, 'prescriber');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    t.clock.advance(30 * 60_000 - 1);
    expect((await complete(token, NEW_PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('applies the password rules at the field and keeps the link for a second try', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    const weak = await complete(token, 'short', freshIp());
    expect(weak.statusCode).toBe(400);
    expect(fieldError(weak, 'body.password')).toBeDefined();
    expect((await complete(token, NEW_PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('an unknown token is refused at the field; guessing is throttled per client', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await complete(`made-up-token-${String(i)}-aaaaaaaaaaaaaaaaaaaa`, NEW_PASSWORD, ip)).statusCode,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });

  it('a link of an account deactivated after it was sent does nothing', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    await accounts.updateUser(t.deps.database.db, clinic, user.id, { status: 'deactivated' }, 1);
    expect((await complete(token, NEW_PASSWORD, freshIp())).statusCode).toBe(400);
    const row = await accounts.findUser(t.deps.database.db, clinic, user.id);
    expect(await t.deps.passwords.verify(row?.password_hash ?? '', PASSWORD)).toBe(true);
  });

  it('two concurrent completions with one link: exactly one wins', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    await ask(user.email, freshIp());
    const token = await mailedToken(user.email);
    const results = await Promise.all([
      complete(token, 'first-winner-password-1', freshIp()),
      complete(token, 'second-winner-password-2', freshIp()),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });
});
