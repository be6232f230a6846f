import type { LightMyRequestResponse } from 'fastify';
import { call, cookieFrom, type Session, type TestContext } from '../../testing/test-app.js';
import { PASSWORD } from '../../testing/factories.js';
import { codeAt } from './two-factor-codes.js';
import { KNOWN_DEVICE_COOKIE } from '../../platform/auth/known-device.js';

/** Test helpers for two-step sign-in (issue 13): codes are computed for the fake clock's time. */

export const STEP = 30_000;

export async function turnOnTwoFactor(
  t: TestContext,
  session: Session,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await call(t.app, session, 'POST', '/api/auth/two-factor/setup');
  if (setup.statusCode !== 200) throw new Error(`setup ${String(setup.statusCode)} ${setup.body}`);
  const secret = setup.json<{ key: string }>().key.replace(/ /g, '');
  const confirm = await call(t.app, session, 'POST', '/api/auth/two-factor/confirm', {
    code: codeAt(secret, t.clock.now()),
  });
  if (confirm.statusCode !== 200) throw new Error(`confirm ${String(confirm.statusCode)} ${confirm.body}`);
  // The code just used cannot sign in again in the same step.
  t.clock.advance(STEP);
  return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

export function passwordStep(
  t: TestContext,
  email: string,
  opts: { ip?: string; device?: string; password?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: opts.password ?? PASSWORD },
    remoteAddress: opts.ip ?? '127.0.0.1',
    headers: {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0',
      ...(opts.device ? { cookie: `${KNOWN_DEVICE_COOKIE}=${opts.device}` } : {}),
    },
  });
}

export function codeStep(
  t: TestContext,
  challenge: string,
  code: string,
  opts: { ip?: string; device?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/second-factor',
    payload: { challenge, code },
    remoteAddress: opts.ip ?? '127.0.0.1',
    headers: opts.device ? { cookie: `${KNOWN_DEVICE_COOKIE}=${opts.device}` } : {},
  });
}

export const challengeOf = (res: LightMyRequestResponse): string => {
  const body = res.json<{ secondFactorRequired?: boolean; challenge?: string }>();
  if (!body.secondFactorRequired || !body.challenge)
    throw new Error(`no challenge (status ${String(res.statusCode)}: ${res.body})`);
  return body.challenge;
};

export const sessionOf = (res: LightMyRequestResponse): Session => ({
  cookie: cookieFrom(res),
  csrf: res.json<{ csrfToken: string }>().csrfToken,
});

export const knownDeviceOf = (res: LightMyRequestResponse): string | undefined =>
  res.cookies.find((c) => c.name === KNOWN_DEVICE_COOKIE)?.value;

/** Signs in with the password and a code for the clock's current step. */
export async function signInWithCode(t: TestContext, email: string, secret: string): Promise<Session> {
  const res = await codeStep(t, challengeOf(await passwordStep(t, email)), codeAt(secret, t.clock.now()));
  if (res.statusCode !== 200) throw new Error(`code step ${String(res.statusCode)} ${res.body}`);
  return sessionOf(res);
}
