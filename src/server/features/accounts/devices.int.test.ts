import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieFrom,
  createTestContext,
  type Session,
  type TestContext,
} from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';

/** Issue 13: the signed-in devices list, revoking one device, signing out everywhere else. */
let t: TestContext;
let clinic: string;

beforeAll(async () => {
  t = await createTestContext();
  clinic = await buildClinic(t.deps);
});
afterAll(() => t.close());

const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

async function signInFrom(user: BuiltUser, userAgent: string, ip: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: PASSWORD },
    headers: { 'user-agent': userAgent },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieFrom(res), csrf: res.json<{ csrfToken: string }>().csrfToken };
}

interface Device {
  id: string;
  device: string;
  signedInAt: number;
  lastActiveAt: number;
  approximateAddress: string | null;
  thisDevice: boolean;
}
const devicesOf = async (session: Session) =>
  (await call(t.app, session, 'GET', '/api/auth/devices')).json<{ devices: Device[] }>().devices;

describe('signed-in devices', () => {
  it('lists each session in plain words with an approximate address, this device marked', async () => {
    const user = await buildUser(t.deps, clinic, 'therapist');
    const phone = await signInFrom(user, PHONE, '203.0.113.45');
    t.clock.advance(60_000);
    const laptop = await signInFrom(user, LAPTOP, '2001:db8:85a3:1:2:3:4:5');
    const list = await devicesOf(laptop);
    expect(list).toHaveLength(2);
    expect(list.find((d) => d.thisDevice)).toMatchObject({
      device: 'Firefox on Windows',
      approximateAddress: '2001:db8:85a3:…',
      signedInAt: t.clock.now(),
    });
    expect(list.find((d) => !d.thisDevice)).toMatchObject({
      device: 'Safari on iPhone',
      approximateAddress: '203.0.113.x',
    });
    // Nothing that could open a session is in the list.
    const body = JSON.stringify(list);
    expect(body).not.toContain(phone.cookie.split('=')[1]);
    // Another account's devices are not listed.
    const other = await buildUser(t.deps, clinic, 'therapist');
    expect(await devicesOf(await signInFrom(other, LAPTOP, '198.51.100.1'))).toHaveLength(1);
  });

  it('revoking a device stops its session at once; an unknown or foreign device is 404', async () => {
    const user = await buildUser(t.deps, clinic, 'prescriber');
    const phone = await signInFrom(user, PHONE, '203.0.113.46');
    const laptop = await signInFrom(user, LAPTOP, '203.0.113.47');
    const phoneId = (await devicesOf(laptop)).find((d) => !d.thisDevice)?.id ?? '';
    const other = await buildUser(t.deps, clinic, 'therapist');
    const otherSession = await signInFrom(other, LAPTOP, '198.51.100.2');
    expect((await call(t.app, otherSession, 'DELETE', `/api/auth/devices/${phoneId}`)).statusCode).toBe(404);
    expect((await call(t.app, phone, 'GET', '/api/auth/session')).statusCode).toBe(200);

    expect((await call(t.app, laptop, 'DELETE', `/api/auth/devices/${phoneId}`)).statusCode).toBe(204);
    expect((await call(t.app, phone, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(t.app, laptop, 'GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await call(t.app, laptop, 'DELETE', `/api/auth/devices/${phoneId}`)).statusCode).toBe(404);
  });

  it('"sign out everywhere else" keeps this device only', async () => {
    const user = await buildUser(t.deps, clinic, 'care_manager');
    const a = await signInFrom(user, PHONE, '203.0.113.48');
    const b = await signInFrom(user, LAPTOP, '203.0.113.49');
    const c = await signInFrom(user, LAPTOP, '203.0.113.50');
    expect((await call(t.app, c, 'POST', '/api/auth/devices/sign-out-others')).statusCode).toBe(204);
    expect((await call(t.app, a, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(t.app, b, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect(await devicesOf(c)).toEqual([expect.objectContaining({ thisDevice: true })]);
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('account.devices_signed_out');
  });
});
