// Issue 13: V5 (invitations never take over an account; the outbox shows no usable link), V6 (admin user
// routes refuse patient accounts), V7 (a deactivated patient's calendar feed stops), V8 (enrolment does
// not reveal an account in another clinic), and the response headers of every /api answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import * as accounts from './accounts.repository.js';
import { HIDDEN_LINK, redactSecretLinks } from './invites.js';
import { createAdmin, freshInviteLink } from './create-admin.js';

let t: TestContext;
let clinic: string;
let admin: BuiltUser;
let therapist: BuiltUser;
let adminSession: Session;
let therapistSession: Session;

beforeAll(async () => {
  t = await createTestContext();
  clinic = await buildClinic(t.deps, 'Harbour Clinic');
  admin = await buildUser(t.deps, clinic, 'admin');
  therapist = await buildUser(t.deps, clinic, 'therapist');
  adminSession = await signIn(t.app, admin.email, PASSWORD);
  therapistSession = await signIn(t.app, therapist.email, PASSWORD);
});
afterAll(() => t.close());

/** The invitation link as it was sent (read from the mail store, as the mail transport does). */
async function sentInviteToken(to: string): Promise<string> {
  const rows = await t.deps.database.db
    .selectFrom('mail_outbox')
    .select(['text_body', 'created_at', 'id'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const token = rows
    .map((r) => /\/invite\/([A-Za-z0-9_-]+)/.exec(r.text_body)?.[1])
    .find((x) => x !== undefined);
  if (!token) throw new Error('no invite mail for ' + to);
  return token;
}

const enrol = (session: Session, email: string) =>
  call(t.app, session, 'POST', '/api/patients', {
    givenName: 'Noor',
    familyName: 'Haddad',
    birthDate: '1991-04-12',
    email,
    phone: null,
    timeZone: 'Europe/London',
    medicalRecordNumber: null,
    careTeam: [{ userId: therapist.id, role: 'therapist' }],
  });

describe('V5: invitations never change an active account', () => {
  it('an invitation dies when its account is activated, even if the account was activated elsewhere', async () => {
    expect((await enrol(therapistSession, 'noor@mail.test')).statusCode).toBe(201);
    const token = await sentInviteToken('noor@mail.test');
    // The account is activated some other way (as the demo seed does), with its own password.
    const user = await accounts.findUserByEmail(t.deps.database.db, 'noor@mail.test');
    if (!user) throw new Error('no account');
    const hash = await t.deps.passwords.hash(PASSWORD);
    await accounts.updateUser(
      t.deps.database.db,
      clinic,
      user.id,
      { status: 'active', password_hash: hash },
      1,
    );

    expect((await call(t.app, null, 'GET', `/api/invites/${token}`)).statusCode).toBe(404);
    const takeover = await call(t.app, null, 'POST', `/api/invites/${token}/accept`, {
      password: 'attacker-chosen-pass-99',
    });
    expect(takeover.statusCode).toBe(404);
    expect(takeover.json().error.code).toBe('not_found');
    // The owner's password still works; the attacker's does not.
    await signIn(t.app, 'noor@mail.test', PASSWORD);
    const attacker = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'noor@mail.test', password: 'attacker-chosen-pass-99' },
    });
    expect(attacker.statusCode).toBe(401);
  });

  it('accepting one link kills every other open link of the account', async () => {
    const created = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'twolinks@clinic.test',
      name: 'Two Links',
      role: 'therapist',
    });
    const userId = created.json().user.id as string;
    const first = await sentInviteToken('twolinks@clinic.test');
    // A second open link exists at the same time (inserted directly: the app itself revokes on resend).
    await accounts.insertInvite(t.deps.database.db, {
      id: 'inv-second-' + userId,
      clinic_id: clinic,
      user_id: userId,
      token_hash: (await import('../../platform/ids.js')).hashToken(
        'second-token-abcdefghijklmnopqrstuvwxyz',
      ),
      expires_at: t.clock.now() + 3600_000,
      used_at: null,
      revoked_at: null,
      created_by: admin.id,
      created_at: t.clock.now(),
    });
    const accepted = await call(t.app, null, 'POST', `/api/invites/${first}/accept`, {
      password: 'owner-picked-this-one-1',
    });
    expect(accepted.statusCode).toBe(200);
    const second = await call(
      t.app,
      null,
      'POST',
      '/api/invites/second-token-abcdefghijklmnopqrstuvwxyz/accept',
      {
        password: 'attacker-chosen-pass-99',
      },
    );
    expect(second.statusCode).toBe(404);
    await signIn(t.app, 'twolinks@clinic.test', 'owner-picked-this-one-1');
  });

  it('the admin outbox never shows a usable link; resending makes a new one and kills the old', async () => {
    const created = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'hidden.link@clinic.test',
      name: 'Hidden Link',
      role: 'prescriber',
    });
    const first = await sentInviteToken('hidden.link@clinic.test');
    const outbox = await call(t.app, adminSession, 'GET', '/api/admin/outbox');
    expect(outbox.statusCode).toBe(200);
    const mails = outbox.json<{ mails: { to: string; text: string }[] }>().mails;
    const mail = mails.find((m) => m.to === 'hidden.link@clinic.test');
    expect(mail?.text).toContain(HIDDEN_LINK);
    expect(mail?.text).toContain('Hello Hidden Link');
    for (const m of mails) expect(m.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]/);
    expect(outbox.body).not.toContain(first);

    const id = created.json().user.id as string;
    const resent = await call(t.app, adminSession, 'POST', `/api/admin/users/${id}/resend-invite`);
    expect(resent.statusCode).toBe(200);
    const second = await sentInviteToken('hidden.link@clinic.test');
    expect(second).not.toBe(first);
    expect((await call(t.app, null, 'GET', `/api/invites/${first}`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/invites/${second}`)).statusCode).toBe(200);
    expect((await call(t.app, adminSession, 'GET', '/api/admin/outbox')).body).not.toContain(second);
  });

  it('hides invitation links and any other link carrying a long token, and keeps ordinary links', () => {
    const token = 'A'.repeat(43);
    expect(redactSecretLinks(`Open https://duet.example.org/invite/${token} now`)).toBe(
      `Open ${HIDDEN_LINK} now`,
    );
    expect(redactSecretLinks(`Reset: https://d.example/reset-password/${token}`)).toBe(
      `Reset: ${HIDDEN_LINK}`,
    );
    expect(redactSecretLinks('Sign in at https://duet.example.org/login')).toBe(
      'Sign in at https://duet.example.org/login',
    );
  });
});

describe('V5: a link for an invited account from the server command line (no SMTP)', () => {
  it('makes a working link and kills the old one; an active account gets none', async () => {
    await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'cli.link@clinic.test',
      name: 'Cli Link',
      role: 'therapist',
    });
    const old = await sentInviteToken('cli.link@clinic.test');
    const { link } = await freshInviteLink(t.deps, 'CLI.Link@clinic.test');
    expect(link.startsWith(`${t.config.publicUrl}/invite/`)).toBe(true);
    const token = link.split('/invite/')[1] ?? '';
    expect((await call(t.app, null, 'GET', `/api/invites/${old}`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/invites/${token}`)).statusCode).toBe(200);
    await expect(freshInviteLink(t.deps, therapist.email)).rejects.toThrow(/already set a password/);
    await expect(freshInviteLink(t.deps, 'nobody@clinic.test')).rejects.toThrow(/No account/);
  });
});

describe('V6: admin user routes manage staff only', () => {
  it('deactivate, reactivate and resend answer 404 for a patient account, as for an unknown id', async () => {
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    for (const action of ['deactivate', 'reactivate', 'resend-invite']) {
      const res = await call(t.app, adminSession, 'POST', `/api/admin/users/${patient.user.id}/${action}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const row = await accounts.findUser(t.deps.database.db, clinic, patient.user.id);
    expect(row?.status).toBe('active');
    await signIn(t.app, patient.user.email, PASSWORD);
  });
});

describe('V7: a deactivated patient has no calendar feed', () => {
  it('the secret URL answers 404 in the usual error shape once the account is deactivated', async () => {
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    const ps = await signIn(t.app, patient.user.email, PASSWORD);
    const made = await call(t.app, ps, 'POST', `/api/patients/${patient.overview.id}/calendar-feed`);
    expect(made.statusCode).toBe(201);
    const path = new URL(made.json<{ url: string }>().url).pathname;
    expect((await call(t.app, null, 'GET', path)).statusCode).toBe(200);

    await accounts.updateUser(t.deps.database.db, clinic, patient.user.id, { status: 'deactivated' }, 2);
    const off = await call(t.app, null, 'GET', path);
    expect(off.statusCode).toBe(404);
    expect(off.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(off.body).not.toContain('BEGIN:VCALENDAR');
  });
});

describe('V8: enrolment does not reveal an account in another clinic', () => {
  it('inside the clinic: a clear 409; another clinic: a 409 that names no clinic, role or existing account', async () => {
    const sameClinic = await enrol(therapistSession, admin.email);
    expect(sameClinic.statusCode).toBe(409);
    expect(sameClinic.json().error.message).toMatch(/your clinic/);

    const other = await buildClinic(t.deps, 'Far Away Clinic');
    const elsewhere = await buildUser(t.deps, other, 'patient');
    const res = await enrol(therapistSession, elsewhere.email);
    const unused = await enrol(therapistSession, 'not a mail');
    expect(unused.statusCode).toBe(400);
    expect(res.statusCode).toBe(409);
    const body = res.body.toLowerCase();
    for (const word of ['exist', 'already', 'far away', 'patient at', 'another clinic'])
      expect(body).not.toContain(word);
    expect(res.json().error.details[0].path).toBe('body.email');
    // Nothing was created in this clinic, and the other clinic's account is untouched.
    expect((await accounts.findUserByEmail(t.deps.database.db, elsewhere.email))?.clinic_id).toBe(other);
  });
});

describe('V10: create-admin names its clinic', () => {
  it('joins the named clinic, creates a missing one, refuses when no clinic is named and several exist', async () => {
    const joined = await createAdmin(t.deps, {
      email: 'a1@harbour.test',
      name: 'A One',
      clinicName: 'harbour clinic',
    });
    expect(joined.clinicCreated).toBe(false);
    expect((await accounts.findUserByEmail(t.deps.database.db, 'a1@harbour.test'))?.clinic_id).toBe(clinic);

    const made = await createAdmin(t.deps, {
      email: 'a2@new.test',
      name: 'A Two',
      clinicName: 'Brand New Clinic',
    });
    expect(made.clinicCreated).toBe(true);
    const row = await accounts.findUserByEmail(t.deps.database.db, 'a2@new.test');
    expect(row?.clinic_id).not.toBe(clinic);
    expect(await accounts.findClinicName(t.deps.database.db, row?.clinic_id ?? '')).toBe('Brand New Clinic');
    expect(made.link.startsWith(`${t.config.publicUrl}/invite/`)).toBe(true);

    await expect(createAdmin(t.deps, { email: 'a3@x.test', name: 'A Three' })).rejects.toThrow(
      /several clinics/i,
    );
    await buildClinic(t.deps, 'Twin');
    await buildClinic(t.deps, 'Twin');
    await expect(
      createAdmin(t.deps, { email: 'a4@x.test', name: 'A Four', clinicName: 'Twin' }),
    ).rejects.toThrow(/Several clinics are named "Twin"/);
    expect(await accounts.findUserByEmail(t.deps.database.db, 'a3@x.test')).toBeUndefined();
    expect(await accounts.findUserByEmail(t.deps.database.db, 'a4@x.test')).toBeUndefined();
  });
});

describe('response headers', () => {
  it('every /api answer is no-store: data, errors, refusals and unknown routes', async () => {
    const answers = [
      await call(t.app, therapistSession, 'GET', '/api/patients'),
      await call(t.app, adminSession, 'GET', '/api/admin/outbox'),
      await call(t.app, null, 'GET', '/api/patients'),
      await call(t.app, therapistSession, 'GET', '/api/admin/outbox'),
      await call(t.app, therapistSession, 'GET', '/api/patients/nope'),
      await call(t.app, null, 'GET', '/api/no-such-route'),
      await call(t.app, therapistSession, 'POST', '/api/patients', { givenName: 1 }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 401, 403, 404, 404, 400]);
    for (const a of answers) expect(a.headers['cache-control']).toBe('no-store');
  });
});
