import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD } from '../../testing/factories.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createAdmin } from './create-admin.js';
import { codeAt } from './two-factor-codes.js';
import {
  challengeOf,
  codeStep,
  knownDeviceOf,
  passwordStep,
  sessionOf,
  turnOnTwoFactor,
} from './two-factor.test-kit.js';

/**
 * Issue 13: the clinic's "staff must use two-step sign-in" rule (the set-up gate), and the owner passing the
 * account-wide delay from a known device or with a second factor. Account-wide limit here: 6.
 */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({
    loginMaxFailures: 5,
    loginClientMaxFailures: 50,
    loginAccountMaxFailures: 6,
  });
});
afterAll(() => t.close());

async function clinicRequiringTwoFactor() {
  const clinic = await buildClinic(t.deps);
  const admin = await buildUser(t.deps, clinic, 'admin');
  const adminSession = await signIn(t.app, admin.email, PASSWORD);
  const put = await call(t.app, adminSession, 'PUT', '/api/admin/settings', { staffTwoFactorRequired: true });
  expect(put.statusCode).toBe(200);
  expect(put.json()).toMatchObject({ staffTwoFactorRequired: true });
  return { clinic, admin, adminSession };
}

describe('the clinic requires two-step sign-in of staff', () => {
  it('new clinics require it; clinics that existed before the migration do not', async () => {
    await createAdmin(t.deps, {
      email: 'first-admin@new-clinic.test',
      name: 'New Admin',
      clinicName: 'Brand new',
    });
    const created = await t.deps.database.db
      .selectFrom('clinics')
      .select('settings')
      .where('name', '=', 'Brand new')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(created.settings)).toMatchObject({ staffTwoFactorRequired: true });

    // Migration 038 on a clinic stored before it: the rule is written as off, other keys kept.
    const old = await buildClinic(t.deps, 'Old clinic');
    await t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ planReviewWeeks: 6 }) })
      .where('id', '=', old)
      .execute();
    await t.deps.database.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '038-two-factor-and-devices' as never)
      .execute();
    await t.deps.database.db.schema.dropTable('known_devices').execute();
    await t.deps.database.db.schema.dropTable('second_factor_challenges').execute();
    await t.deps.database.db.schema.dropTable('recovery_codes').execute();
    await t.deps.database.db.schema.dropTable('two_factor').execute();
    await t.deps.database.db.schema.alterTable('sessions').dropColumn('user_agent').execute();
    await t.deps.database.db.schema.alterTable('sessions').dropColumn('client_address').execute();
    await t.deps.database.db.schema.alterTable('sessions').dropColumn('two_factor_setup_required').execute();
    expect(await migrateToLatest(t.deps.database)).toContain('038-two-factor-and-devices');
    const migrated = await t.deps.database.db
      .selectFrom('clinics')
      .select('settings')
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(migrated.settings)).toEqual({ staffTwoFactorRequired: false, planReviewWeeks: 6 });
  });

  it('a staff member without it gets a session that reaches only the set-up, the session and sign-out', async () => {
    const { clinic } = await clinicRequiringTwoFactor();
    const therapist = await buildUser(t.deps, clinic, 'therapist');
    const res = await passwordStep(t, therapist.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ twoFactorSetupRequired: true });
    const session = sessionOf(res);

    for (const [method, url] of [
      ['GET', '/api/inbox'],
      ['GET', '/api/registry'],
      ['GET', '/api/auth/devices'],
    ] as const) {
      const refused = await call(t.app, session, method, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('two_factor_setup_required');
    }
    expect((await call(t.app, session, 'GET', '/api/auth/session')).json()).toMatchObject({
      twoFactorSetupRequired: true,
    });
    expect((await call(t.app, session, 'GET', '/api/auth/two-factor')).json()).toMatchObject({
      enabled: false,
      requiredForMe: true,
    });

    // Setting it up lifts the limit on this session at once.
    await turnOnTwoFactor(t, session);
    expect((await call(t.app, session, 'GET', '/api/inbox')).statusCode).toBe(200);
    const answer = (await call(t.app, session, 'GET', '/api/auth/session')).json<Record<string, unknown>>();
    expect(answer.twoFactorSetupRequired).toBeUndefined();
    // Staff cannot turn it off while the clinic requires it.
    const off = await call(t.app, session, 'POST', '/api/auth/two-factor/off', {
      password: PASSWORD,
      code: '123456',
    });
    expect(off.statusCode).toBe(403);
    expect((await call(t.app, session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
  });

  it('patients are not held to it (optional for them)', async () => {
    const { clinic } = await clinicRequiringTwoFactor();
    const therapist = await buildUser(t.deps, clinic, 'therapist');
    const patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
    const res = await passwordStep(t, patient.user.email);
    expect(res.json()).not.toHaveProperty('twoFactorSetupRequired');
    const session = sessionOf(res);
    expect((await call(t.app, session, 'GET', '/api/auth/two-factor')).json()).toMatchObject({
      requiredForMe: false,
    });
    expect((await call(t.app, session, 'GET', `/api/patients/${patient.overview.id}`)).statusCode).toBe(200);
  });

  it('when the admin turns it off, staff sign in with the password alone', async () => {
    const { clinic, adminSession } = await clinicRequiringTwoFactor();
    await call(t.app, adminSession, 'PUT', '/api/admin/settings', { staffTwoFactorRequired: false });
    const therapist = await buildUser(t.deps, clinic, 'therapist');
    const res = await passwordStep(t, therapist.email);
    expect(res.json()).not.toHaveProperty('twoFactorSetupRequired');
    expect((await call(t.app, sessionOf(res), 'GET', '/api/inbox')).statusCode).toBe(200);
  });
});

describe('the owner passes the account-wide delay', () => {
  async function attackFromEverywhere(email: string, prefix: string) {
    // Wrong passwords from many addresses bring the account to its account-wide limit (6).
    for (let i = 0; i < 7; i++)
      await passwordStep(t, email, { ip: `${prefix}.${String(i)}`, password: 'wrong-password-guess-1' });
  }

  it('from a known device (the cookie of an earlier sign-in); not from a new device', async () => {
    const clinic = await buildClinic(t.deps);
    const owner = await buildUser(t.deps, clinic, 'prescriber');
    const earlier = await passwordStep(t, owner.email, { ip: '192.0.2.10' });
    const device = knownDeviceOf(earlier);
    expect(device).toBeDefined();

    await attackFromEverywhere(owner.email, '198.51.100');
    // A new device, even with the right password, waits.
    expect((await passwordStep(t, owner.email, { ip: '192.0.2.99' })).statusCode).toBe(429);
    // The owner's own browser signs in.
    const mine = await passwordStep(t, owner.email, { ip: '192.0.2.10', device });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().user.id).toBe(owner.id);
    // The cookie is bound to its account: it does not open the delay of another account.
    const other = await buildUser(t.deps, clinic, 'therapist');
    await attackFromEverywhere(other.email, '203.0.113');
    expect((await passwordStep(t, other.email, { ip: '192.0.2.10', device })).statusCode).toBe(429);
  });

  it('a known device still meets the per account + client limit', async () => {
    const clinic = await buildClinic(t.deps);
    const owner = await buildUser(t.deps, clinic, 'therapist');
    const device = knownDeviceOf(await passwordStep(t, owner.email, { ip: '192.0.2.20' }));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await passwordStep(t, owner.email, { ip: '192.0.2.20', device, password: 'wrong-password-guess-1' }))
          .statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('with two-step sign-in on: the right password and a valid code', async () => {
    const clinic = await buildClinic(t.deps);
    const owner = await buildUser(t.deps, clinic, 'care_manager');
    const { secret } = await turnOnTwoFactor(t, await signIn(t.app, owner.email, PASSWORD));
    await attackFromEverywhere(owner.email, '198.51.101');
    const first = await passwordStep(t, owner.email, { ip: '192.0.2.30' });
    expect(first.statusCode).toBe(200);
    const second = await codeStep(t, challengeOf(first), codeAt(secret, t.clock.now()), { ip: '192.0.2.30' });
    expect(second.statusCode).toBe(200);
    expect(second.json().user.id).toBe(owner.id);
  });
});
