import type { UserTable } from '../../db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newSecretToken } from '../../platform/ids.js';
import { isKnownDevice, purgeExpiredKnownDevices } from '../../platform/auth/known-device.js';
import type { SecondFactorNeeded } from '../../../shared/accounts/two-factor-schemas.js';
import * as accounts from './accounts.repository.js';
import { auditSecurityEvent, twoFactorOn, useSecondFactor } from './two-factor-check.js';
import * as repo from './two-factor.repository.js';

/** The step between a right password and the code: 5 minutes, single use (issue 13). */
export const CHALLENGE_MS = 5 * 60_000;

// Code attempts are throttled like passwords (same module, same limits) under their own account key, so a
// stolen password does not buy unlimited code guesses; the per-client key is shared with password guesses.
const codeThrottleKey = (userId: string) => `second-factor:${userId}`;

const challengeExpired = () =>
  new AppError('invalid_credentials', 'This sign-in step has expired. Sign in again.', [
    { path: 'body.challenge', message: 'Expired' },
  ]);

/**
 * Whether the owner may pass the account-wide sign-in delay: from a known device of the account, or (for an
 * account with two-step sign-in on) because a valid second factor must follow the password anyway.
 */
export async function ownerMayPassDelay(
  deps: AppDeps,
  user: UserTable | undefined,
  knownDeviceToken: string | undefined,
): Promise<boolean> {
  if (user?.status !== 'active') return false;
  const db = deps.database.db;
  return (await isKnownDevice(db, deps.clock, knownDeviceToken, user.id)) || (await twoFactorOn(db, user.id));
}

/**
 * Wrong codes reached the account-wide limit: whoever sent them knew the password. The owner hears it (the
 * same rule as the warning for wrong passwords in auth.service.ts), with no link in the mail.
 */
async function warnOwnerPasswordKnown(deps: AppDeps, user: UserTable): Promise<void> {
  await deps.mailer.send(deps.database.db, {
    clinicId: user.clinic_id,
    to: user.email,
    subject: 'Someone who knows your Duet password is trying to sign in',
    text: [
      'Someone entered the right password for your Duet account and then many wrong two-step sign-in',
      'codes. Your account is safe while they do not have your phone or your recovery codes, but your',
      'password is known to someone else.',
      '',
      'Sign in and choose a new password now (My account → Change password), check the list of signed-in',
      'devices there, and tell your clinic.',
    ].join('\n'),
  });
}

/** Scheduled: expired sign-in challenges and known devices are deleted. */
export async function purgeSignInLeftovers(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await repo.purgeChallenges(deps.database.db, now);
  await purgeExpiredKnownDevices(deps.database.db, now);
}

/** After a right password: "code needed" with a fresh challenge, or null when the account has no second step. */
export async function secondFactorChallenge(
  deps: AppDeps,
  user: UserTable,
): Promise<SecondFactorNeeded | null> {
  const db = deps.database.db;
  if (!(await twoFactorOn(db, user.id))) return null;
  const now = deps.clock.now();
  await repo.purgeChallenges(db, now);
  const challenge = newSecretToken();
  const expiresAt = now + CHALLENGE_MS;
  await repo.insertChallenge(
    db,
    { token_hash: hashToken(challenge), clinic_id: user.clinic_id, user_id: user.id, expires_at: expiresAt },
    now,
  );
  return { secondFactorRequired: true, challenge, expiresAt };
}

/**
 * Checks the code for a challenge and uses both up. Throttled per challenge (at most the per account + client
 * limit of attempts, then it dies), per account and per client (the sign-in throttle). Audited either way.
 */
export async function passSecondFactor(
  deps: AppDeps,
  input: { challenge: string; code: string },
  client: { ip: string; knownDeviceToken?: string | undefined },
): Promise<UserTable> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const tokenHash = hashToken(input.challenge);
  const challenge = await repo.takeChallengeAttempt(db, tokenHash, now, deps.config.loginMaxFailures);
  if (!challenge) throw challengeExpired();
  const user = await accounts.findUser(db, challenge.clinic_id, challenge.user_id);
  if (user?.status !== 'active') throw challengeExpired();
  const known = await isKnownDevice(db, deps.clock, client.knownDeviceToken, user.id);
  const key = codeThrottleKey(user.id);
  const { accountDelayPassed, accountUnderAttack } = await deps.loginThrottle.reserve(key, client.ip, {
    ownerMayPass: known,
  });
  const passed = await useSecondFactor(db, deps.serverKeys, user.id, input.code, now);
  if (!passed) {
    await deps.database.transaction((trx) =>
      auditSecurityEvent(deps, trx, user, 'auth.second_factor', 'denied'),
    );
    if (accountUnderAttack) await warnOwnerPasswordKnown(deps, user);
    throw new AppError('invalid_credentials', 'That code is not correct.', [
      { path: 'body.code', message: 'Not correct' },
    ]);
  }
  if (!(await repo.useChallenge(db, tokenHash, now))) throw challengeExpired();
  await deps.loginThrottle.recordSuccess(key, client.ip, accountDelayPassed ? { accountDelayPassed } : {});
  await deps.database.transaction((trx) =>
    auditSecurityEvent(
      deps,
      trx,
      user,
      passed === 'recovery' ? 'auth.second_factor_recovery_code' : 'auth.second_factor',
      'allowed',
    ),
  );
  return user;
}
