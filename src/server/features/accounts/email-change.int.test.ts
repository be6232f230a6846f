// Issue 13: changing an account's email is confirmed from the new address, for the account holder in their
// settings and for a clinician editing a patient's demographics alike (docs/security.md "Password reset and
// email change").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import * as accounts from './accounts.repository.js';
import { HIDDEN_LINK } from './invites.js';

let t: TestContext;
let clinic: string;
let otherClinic: string;
let therapist: BuiltUser;
let outsider: BuiltUser;
let therapistSession: Session;

beforeAll(async () => {
  t = await createTestContext();
  clinic = await buildClinic(t.deps, 'Harbour Clinic');
  otherClinic = await buildClinic(t.deps, 'Hill Clinic');
  therapist = await buildUser(t.deps, clinic, 'therapist');
  outsider = await buildUser(t.deps, otherClinic, 'prescriber');
  therapistSession = await signIn(t.app, therapist.email, PASSWORD);
});
afterAll(() => t.close());

let ipCounter = 0;
const freshIp = () => `10.2.${String(Math.floor(++ipCounter / 250))}.${String(ipCounter % 250)}`;

async function mailsTo(to: string) {
  return t.deps.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

async function confirmToken(to: string): Promise<string> {
  const token = (await mailsTo(to))
    .map((m) => /\/confirm-email#([A-Za-z0-9_-]+)/.exec(m.text_body)?.[1])
    .filter((x) => x !== undefined)
    .at(-1);
  if (!token) throw new Error('no confirmation mail for ' + to);
  return token;
}

const confirm = (token: string, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/api/account/email/confirm', payload: { token }, remoteAddress: ip });

const fieldError = (res: LightMyRequestResponse, path: string) =>
  res
    .json<{ error: { details?: { path: string; message: string }[] } }>()
    .error.details?.find((d) => d.path === path);

describe('the account holder changes their own email', () => {
  it('stays pending until confirmed from the new address; then sign-in moves and the old address is told', async () => {
    const user = await buildUser(t.deps, clinic, 'prescriber');
    const session = await signIn(t.app, user.email, PASSWORD);
    const asked = await call(t.app, session, 'POST', '/api/account/email', {
      newEmail: 'New.Address@Mail.test',
      currentPassword: PASSWORD,
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({
      email: user.email,
      pendingEmail: 'new.address@mail.test',
      pendingExpiresAt: t.clock.now() + 24 * 3600_000,
    });

    // Not effective before confirmation: the old address still signs in, the new one does not.
    await signIn(t.app, user.email, PASSWORD);
    await expect(signIn(t.app, 'new.address@mail.test', PASSWORD)).rejects.toThrow(/401/);
    expect((await call(t.app, session, 'GET', '/api/auth/session')).json().user.email).toBe(user.email);

    const token = await confirmToken('new.address@mail.test');
    const done = await confirm(token);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ email: 'new.address@mail.test' });
    await signIn(t.app, 'new.address@mail.test', PASSWORD);
    await expect(signIn(t.app, user.email, PASSWORD)).rejects.toThrow(/401/);
    expect((await mailsTo(user.email)).at(-1)?.subject).toBe('Your Duet email address was changed');
    expect((await call(t.app, session, 'GET', '/api/account/email')).json()).toEqual({
      email: 'new.address@mail.test',
      pendingEmail: null,
      pendingExpiresAt: null,
    });

    // Single use.
    expect((await confirm(token)).statusCode).toBe(400);
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['security.email_change_requested', 'security.email_changed']),
    );
  });

  it('asks for the current password, at its field', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const session = await signIn(t.app, user.email, PASSWORD);
    const res = await call(t.app, session, 'POST', '/api/account/email', {
      newEmail: 'someone.else@mail.test',
      currentPassword: 'not-my-password',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, 'body.currentPassword')).toBeDefined();
    expect(await mailsTo('someone.else@mail.test')).toHaveLength(0);
  });

  it('refuses an address already in use, in this clinic or another, with the same words', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const session = await signIn(t.app, user.email, PASSWORD);
    const answers = [];
    for (const taken of [therapist.email, outsider.email]) {
      const res = await call(t.app, session, 'POST', '/api/account/email', {
        newEmail: taken,
        currentPassword: PASSWORD,
      });
      expect(res.statusCode).toBe(409);
      expect(fieldError(res, 'body.newEmail')?.message).toBe('Cannot be used for this account');
      answers.push(res.body);
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[1]).not.toMatch(/Hill Clinic|prescriber/);
  });

  it('a confirmation link expires after 24 hours (by the injected clock)', async () => {
    const user = await buildUser(t.deps, clinic, 'care_manager');
    const session = await signIn(t.app, user.email, PASSWORD);
    await call(t.app, session, 'POST', '/api/account/email', {
      newEmail: 'late.reader@mail.test',
      currentPassword: PASSWORD,
    });
    const token = await confirmToken('late.reader@mail.test');
    t.clock.advance(24 * 3600_000);
    const res = await confirm(token);
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, 'body.token')).toBeDefined();
    expect((await accounts.findUser(t.deps.database.db, clinic, user.id))?.email).toBe(user.email);
  });

  it('a newer request replaces the older; a password reset cancels a pending change', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const session = await signIn(t.app, user.email, PASSWORD);
    const ask = (newEmail: string) =>
      call(t.app, session, 'POST', '/api/account/email', { newEmail, currentPassword: PASSWORD });
    await ask('first.try@mail.test');
    await ask('second.try@mail.test');
    expect((await confirm(await confirmToken('first.try@mail.test'))).statusCode).toBe(400);

    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: freshIp(),
    });
    const reset = (await mailsTo(user.email))
      .map((m) => /\/reset-password#([A-Za-z0-9_-]+)/.exec(m.text_body)?.[1])
      .find((x) => x !== undefined);
    const completed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token: reset, password: 'brand-new-password-5150' },
      remoteAddress: freshIp(),
    });
    expect(completed.statusCode).toBe(200);
    expect((await confirm(await confirmToken('second.try@mail.test'))).statusCode).toBe(400);
  });

  it('the outbox hides the confirmation link from the admin', async () => {
    const admin = await buildUser(t.deps, clinic, 'admin');
    const user = await buildUser(t.deps, clinic, 'therapist');
    const session = await signIn(t.app, user.email, PASSWORD);
    await call(t.app, session, 'POST', '/api/account/email', {
      newEmail: 'hidden.confirm@mail.test',
      currentPassword: PASSWORD,
    });
    const token = await confirmToken('hidden.confirm@mail.test');
    const outbox = await call(t.app, await signIn(t.app, admin.email, PASSWORD), 'GET', '/api/admin/outbox');
    const mail = outbox
      .json<{ mails: { to: string; text: string }[] }>()
      .mails.find((m) => m.to === 'hidden.confirm@mail.test');
    expect(mail?.text).toContain(HIDDEN_LINK);
    expect(outbox.body).not.toContain(token);
  });
});

describe('a clinician edits a patient email in the demographics', () => {
  // The expiry test above moved the clock a day: the therapist signs in again.
  beforeAll(async () => {
    therapistSession = await signIn(t.app, therapist.email, PASSWORD);
  });

  const patch = (patientId: string, version: number, body: object) =>
    call(t.app, therapistSession, 'PATCH', `/api/patients/${patientId}`, body, {
      'if-match': String(version),
    });

  it('shows the new address as pending; only the patient confirming it changes sign-in and notification address', async () => {
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    const res = await patch(patient.overview.id, patient.overview.version, { email: 'moved@mail.test' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: patient.user.email, pendingEmail: 'moved@mail.test' });
    const read = await call(t.app, therapistSession, 'GET', `/api/patients/${patient.overview.id}`);
    expect(read.json()).toMatchObject({ email: patient.user.email, pendingEmail: 'moved@mail.test' });
    await signIn(t.app, patient.user.email, PASSWORD);

    expect((await confirm(await confirmToken('moved@mail.test'))).statusCode).toBe(200);
    await signIn(t.app, 'moved@mail.test', PASSWORD);
    const after = await call(t.app, therapistSession, 'GET', `/api/patients/${patient.overview.id}`);
    // One address everywhere: the record shows the account's sign-in address.
    expect(after.json()).toMatchObject({ email: 'moved@mail.test', pendingEmail: null });
    expect((await mailsTo(patient.user.email)).at(-1)?.subject).toBe('Your Duet email address was changed');
  });

  it('tells the team plainly when the address is used in the clinic, and nothing about other clinics', async () => {
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    const inClinic = await patch(patient.overview.id, patient.overview.version, { email: therapist.email });
    expect(inClinic.statusCode).toBe(409);
    expect(fieldError(inClinic, 'body.email')?.message).toBe('Already in use in your clinic');
    const elsewhere = await patch(patient.overview.id, patient.overview.version, { email: outsider.email });
    expect(elsewhere.statusCode).toBe(409);
    expect(fieldError(elsewhere, 'body.email')?.message).toBe('Cannot be used for this account');
    expect(elsewhere.body).not.toMatch(/Hill Clinic|already signs in/);
  });

  it('an unchanged email in a full form is not a change', async () => {
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    const res = await patch(patient.overview.id, patient.overview.version, {
      email: patient.user.email,
      phone: '+44 20 7946 0000',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: patient.user.email,
      pendingEmail: null,
      phone: '+44 20 7946 0000',
    });
  });

  it('a patient still invited gets a fresh invitation at the new address; the old link dies', async () => {
    const created = await call(t.app, therapistSession, 'POST', '/api/patients', {
      givenName: 'Ines',
      familyName: 'Typo',
      birthDate: '1988-02-03',
      email: 'ines@mistyped.test',
      phone: null,
      timeZone: 'Europe/Lisbon',
      medicalRecordNumber: null,
      careTeam: [{ userId: therapist.id, role: 'therapist' }],
    });
    expect(created.statusCode).toBe(201);
    const oldInvite = /\/invite\/([A-Za-z0-9_-]+)/.exec(
      (await mailsTo('ines@mistyped.test'))[0]?.text_body ?? '',
    )?.[1];
    const res = await patch(created.json().id as string, created.json().version as number, {
      email: 'ines@right.test',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'ines@right.test', pendingEmail: null, account: 'invited' });
    expect((await call(t.app, null, 'GET', `/api/invites/${oldInvite ?? 'x'}`)).statusCode).toBe(404);
    const newInvite = /\/invite\/([A-Za-z0-9_-]+)/.exec(
      (await mailsTo('ines@right.test'))[0]?.text_body ?? '',
    )?.[1];
    const preview = await call(t.app, null, 'GET', `/api/invites/${newInvite ?? 'x'}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ email: 'ines@right.test' });
  });
});
