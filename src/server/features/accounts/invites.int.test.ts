import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { createMailer } from '../../platform/mail/mailer.js';

let t: TestContext;
let admin: BuiltUser;
let adminSession: Session;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps, 'Riverside Clinic');
  admin = await buildUser(t.deps, clinic, 'admin');
  adminSession = await signIn(t.app, admin.email, PASSWORD);
});
afterAll(() => t.close());

/** The link as sent, read from the mail store (the admin's outbox view hides it, issue 13 V5). */
async function latestInviteToken(to: string): Promise<string> {
  const mail = await t.deps.database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')?.[1];
  if (!token) throw new Error('no invite mail for ' + to);
  return token;
}

describe('inviting clinicians', () => {
  it('an invite is a one-time link that lets the invitee set a password and sign in', async () => {
    const created = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'New.Prescriber@Clinic.test',
      name: 'Ada Obi',
      role: 'prescriber',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({
      email: 'new.prescriber@clinic.test',
      status: 'invited',
      role: 'prescriber',
    });

    const token = await latestInviteToken('new.prescriber@clinic.test');
    const preview = await call(t.app, null, 'GET', `/api/invites/${token}`);
    expect(preview.json()).toMatchObject({
      name: 'Ada Obi',
      role: 'prescriber',
      clinicName: 'Riverside Clinic',
    });

    const weak = await call(t.app, null, 'POST', `/api/invites/${token}/accept`, { password: 'tooshort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('validation_failed');
    const common = await call(t.app, null, 'POST', `/api/invites/${token}/accept`, {
      password: 'qwerty123456',
    });
    expect(common.statusCode).toBe(400);

    const accepted = await call(t.app, null, 'POST', `/api/invites/${token}/accept`, {
      password: 'lantern-river-orbit-42',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.role).toBe('prescriber');

    const again = await call(t.app, null, 'POST', `/api/invites/${token}/accept`, {
      password: 'lantern-river-orbit-43',
    });
    expect(again.statusCode).toBe(404);
    await signIn(t.app, 'new.prescriber@clinic.test', 'lantern-river-orbit-42');

    const users = (await call(t.app, adminSession, 'GET', '/api/admin/users')).json().users as {
      email: string;
      status: string;
    }[];
    expect(users.find((u) => u.email === 'new.prescriber@clinic.test')?.status).toBe('active');
  });

  it('guessing invitation links is throttled per client; a right link from another client still works', async () => {
    await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'guarded@clinic.test',
      name: 'Guarded Invitee',
      role: 'therapist',
    });
    const token = await latestInviteToken('guarded@clinic.test');
    const from = (remoteAddress: string, tokenTried: string) =>
      t.app.inject({ method: 'GET', url: `/api/invites/${tokenTried}`, remoteAddress });
    const guesses: number[] = [];
    for (let i = 0; i < 7; i++)
      guesses.push((await from('203.0.113.77', `made-up-link-${String(i)}-aaaaaaaaaaaaaaaa`)).statusCode);
    expect(guesses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const blocked = await from('203.0.113.77', token);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await from('198.51.100.4', token)).statusCode).toBe(200);
  });

  it('an invite link expires after 3 days', async () => {
    await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'late@clinic.test',
      name: 'Late Person',
      role: 'therapist',
    });
    const token = await latestInviteToken('late@clinic.test');
    t.clock.advance(3 * 24 * 3600_000 + 1);
    expect((await call(t.app, null, 'GET', `/api/invites/${token}`)).statusCode).toBe(404);
    adminSession = await signIn(t.app, admin.email, PASSWORD);
  });

  it('resending revokes the previous link', async () => {
    const created = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'resend@clinic.test',
      name: 'Re Send',
      role: 'care_manager',
    });
    const first = await latestInviteToken('resend@clinic.test');
    const id = created.json().user.id as string;
    expect((await call(t.app, adminSession, 'POST', `/api/admin/users/${id}/resend-invite`)).statusCode).toBe(
      200,
    );
    const second = await latestInviteToken('resend@clinic.test');
    expect(second).not.toBe(first);
    expect((await call(t.app, null, 'GET', `/api/invites/${first}`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/invites/${second}`)).statusCode).toBe(200);
  });

  it('rejects a duplicate email with 409 and a bad role with 400', async () => {
    const dup = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: admin.email,
      name: 'Dup',
      role: 'therapist',
    });
    expect(dup.statusCode).toBe(409);
    const bad = await call(t.app, adminSession, 'POST', '/api/admin/invites', {
      email: 'x@clinic.test',
      name: 'X',
      role: 'patient',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toContain('role');
  });

  it('only an admin manages accounts', async () => {
    const therapist = await buildUser(t.deps, admin.clinicId, 'therapist');
    const s = await signIn(t.app, therapist.email, PASSWORD);
    const res = await call(t.app, s, 'POST', '/api/admin/invites', {
      email: 'sneaky@clinic.test',
      name: 'Sneaky',
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
    expect((await call(t.app, s, 'GET', '/api/admin/outbox')).statusCode).toBe(403);
  });
});

describe('deactivation', () => {
  it('ends the sessions at once, blocks sign-in, and can be undone', async () => {
    const therapist = await buildUser(t.deps, admin.clinicId, 'therapist');
    const s = await signIn(t.app, therapist.email, PASSWORD);
    const off = await call(t.app, adminSession, 'POST', `/api/admin/users/${therapist.id}/deactivate`);
    expect(off.json().user.status).toBe('deactivated');
    expect((await call(t.app, s, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: therapist.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const on = await call(t.app, adminSession, 'POST', `/api/admin/users/${therapist.id}/reactivate`);
    expect(on.json().user.status).toBe('active');
    await signIn(t.app, therapist.email, PASSWORD);
  });

  it('an admin cannot deactivate their own account, and an unknown id is 404', async () => {
    expect(
      (await call(t.app, adminSession, 'POST', `/api/admin/users/${admin.id}/deactivate`)).statusCode,
    ).toBe(409);
    expect((await call(t.app, adminSession, 'POST', '/api/admin/users/nope/deactivate')).statusCode).toBe(
      404,
    );
  });
});

describe('mail through a real SMTP server', () => {
  it('delivers the invite by SMTP and keeps only the envelope in the outbox', async () => {
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${String(port)}`,
        from: 'Duet <duet@clinic.test>',
        clock: t.clock,
      });
      await mailer.send(t.deps.database.db, {
        clinicId: admin.clinicId,
        to: 'smtp-person@clinic.test',
        subject: 'Hello',
        text: 'Link: http://x/invite/abc',
      });
      expect(received).toHaveLength(1);
      expect(received[0]?.to).toBe('smtp-person@clinic.test');
      expect(received[0]?.body).toContain('invite/abc');
      const outbox = (await call(t.app, adminSession, 'GET', '/api/admin/outbox')).json().mails as {
        to: string;
        text: string;
        sentAt: number | null;
        transport: string;
      }[];
      const kept = outbox.find((m) => m.to === 'smtp-person@clinic.test');
      expect(kept?.transport).toBe('smtp');
      expect(kept?.sentAt).not.toBeNull();
      expect(kept?.text).not.toContain('invite/abc');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
