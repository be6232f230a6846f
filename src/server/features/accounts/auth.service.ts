import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashToken } from '../../platform/ids.js';
import { endAllSessionsOfUser, endSession, startSession } from '../../platform/auth/sessions.js';
import { passwordProblem } from '../../../shared/accounts/password-policy.js';
import type { SessionUser } from '../../../shared/accounts/schemas.js';
import { forgiveRecoveryAttempt, reserveRecoveryAttempt } from './password-reset-throttle.js';
import * as repo from './accounts.repository.js';
import { toSessionUser } from './accounts.mapper.js';
import { rememberDevice } from '../../platform/auth/known-device.js';
import type { SecondFactorNeeded } from '../../../shared/accounts/two-factor-schemas.js';
import { setupRequiredAtSignIn } from './two-factor-check.js';
import { ownerMayPassDelay, passSecondFactor, secondFactorChallenge } from './two-factor-sign-in.js';

export interface SignedIn {
  user: SessionUser;
  token: string;
  csrfToken: string;
  /** Issue 13: the clinic requires two-step sign-in and this session may only set it up. */
  twoFactorSetupRequired?: boolean;
  /** A fresh known-device token (issue 13) when this was a sign-in with the password (and code). */
  knownDeviceToken?: string;
}

/** The browser signing in (issue 13: signed-in devices, known device). */
export interface SignInDevice {
  userAgent?: string | undefined;
  knownDeviceToken?: string | undefined;
}

const sessionPolicyOf = (deps: AppDeps) => ({
  idleMs: deps.config.sessionIdleMs,
  absoluteMs: deps.config.sessionAbsoluteMs,
});

const invalidCredentials = () => new AppError('invalid_credentials', 'Email or password is not correct.');

/**
 * Sign in. Unknown email, wrong password, invited-but-not-set-up and deactivated accounts all answer the
 * same 401 after the same argon2 work, so the answer reveals nothing about which accounts exist.
 */
export async function login(
  deps: AppDeps,
  input: { email: string; password: string },
  ip: string,
  device: SignInDevice = {},
): Promise<SignedIn | SecondFactorNeeded> {
  const user = await repo.findUserByEmail(deps.database.db, input.email);
  // The attempt is reserved (and counted as a failure) before argon2 runs: a concurrent burst checks at most
  // the limit (docs/security.md "Sign-in throttling"). The owner passes the account-wide delay from a known
  // device or with a second factor to follow (issue 13, "Two-step sign-in and signed-in devices").
  const ownerMayPass = await ownerMayPassDelay(deps, user, device.knownDeviceToken);
  const { accountUnderAttack, accountDelayPassed } = await deps.loginThrottle.reserve(input.email, ip, {
    ownerMayPass,
  });
  const ok = user?.password_hash
    ? await deps.passwords.verify(user.password_hash, input.password)
    : (await deps.passwords.verifyDummy(input.password), false);
  if (!user || !ok || user.status !== 'active') {
    if (user?.status === 'active' && accountUnderAttack) await warnOwner(deps, user);
    throw invalidCredentials();
  }
  await deps.loginThrottle.recordSuccess(input.email, ip, accountDelayPassed ? { accountDelayPassed } : {});
  const codeNeeded = await secondFactorChallenge(deps, user);
  if (codeNeeded) return codeNeeded;
  return openSession(deps, user.id, user.clinic_id, { ...device, ip, remember: true });
}

/** The second step of signing in (issue 13): a code for the challenge a right password got. */
export async function secondFactor(
  deps: AppDeps,
  input: { challenge: string; code: string },
  ip: string,
  device: SignInDevice = {},
): Promise<SignedIn> {
  const user = await passSecondFactor(deps, input, { ip, knownDeviceToken: device.knownDeviceToken });
  return openSession(deps, user.id, user.clinic_id, { ...device, ip, remember: true });
}

/** The owner hears when wrong passwords for their account reach the account-wide limit (from anywhere). */
async function warnOwner(deps: AppDeps, user: { email: string; clinic_id: string }): Promise<void> {
  await deps.mailer.send(deps.database.db, {
    clinicId: user.clinic_id,
    to: user.email,
    subject: 'Someone is trying to sign in to your Duet account',
    text: [
      'There have been many sign-in attempts with a wrong password for your Duet account in the last few',
      'minutes. Duet now slows further attempts down. Your account and records are safe as long as your',
      'password is not known to anyone else.',
      '',
      'If this was not you, choose a new, long password after you sign in (Account → Change password) and',
      'tell your clinic.',
    ].join('\n'),
  });
}

async function openSession(
  deps: AppDeps,
  userId: string,
  clinicId: string,
  device: SignInDevice & { ip?: string; remember?: boolean } = {},
): Promise<SignedIn> {
  return deps.database.transaction(async (trx) => {
    const user = await repo.findUser(trx, clinicId, userId);
    if (!user) throw invalidCredentials();
    await repo.recordLogin(trx, userId, deps.clock.now());
    const twoFactorSetupRequired = await setupRequiredAtSignIn(trx, user);
    const { token, csrfToken } = await startSession(
      trx,
      deps.clock,
      sessionPolicyOf(deps),
      { id: userId, clinicId },
      { userAgent: device.userAgent, address: device.ip, twoFactorSetupRequired },
    );
    const knownDeviceToken = device.remember
      ? await rememberDevice(trx, deps.clock, { id: userId, clinicId }, device.knownDeviceToken)
      : undefined;
    const sessionUser = toSessionUser(
      user,
      await repo.findClinicName(trx, clinicId),
      await repo.patientIdOfUser(trx, userId),
    );
    return {
      user: sessionUser,
      token,
      csrfToken,
      ...(twoFactorSetupRequired ? { twoFactorSetupRequired } : {}),
      ...(knownDeviceToken ? { knownDeviceToken } : {}),
    };
  });
}

export async function currentSession(
  deps: AppDeps,
  actor: Actor,
): Promise<{ user: SessionUser; csrfToken: string; twoFactorSetupRequired?: boolean }> {
  const db = deps.database.db;
  const user = await repo.findUser(db, actor.clinicId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  return {
    user: toSessionUser(user, await repo.findClinicName(db, actor.clinicId), actor.patientId),
    csrfToken: actor.csrfToken,
    ...(actor.twoFactorSetupRequired ? { twoFactorSetupRequired: true } : {}),
  };
}

/** Signing out ends every session of the user, on every device. */
export async function logout(deps: AppDeps, actor: Actor): Promise<void> {
  await endAllSessionsOfUser(deps.database.db, actor.userId);
}

/** Ends every session of the user (all devices) and opens a fresh one for this browser. */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip: string,
  device: SignInDevice = {},
): Promise<SignedIn> {
  const user = await repo.findUser(deps.database.db, actor.clinicId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  // The current password is a password guess like a sign-in: same reservation, same limits (V9).
  await deps.loginThrottle.reserve(user.email, ip);
  if (!user.password_hash || !(await deps.passwords.verify(user.password_hash, input.currentPassword))) {
    throw new AppError('validation_failed', 'Your current password is not correct.', [
      { path: 'body.currentPassword', message: 'Not correct' },
    ]);
  }
  await deps.loginThrottle.recordSuccess(user.email, ip);
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem)
    throw new AppError('validation_failed', problem, [{ path: 'body.newPassword', message: problem }]);
  const hash = await deps.passwords.hash(input.newPassword);
  await deps.database.transaction(async (trx) => {
    await repo.updateUser(trx, actor.clinicId, actor.userId, { password_hash: hash }, deps.clock.now());
    await endAllSessionsOfUser(trx, actor.userId);
  });
  await endSession(deps.database.db, actor.sessionIdHash);
  return openSession(deps, actor.userId, actor.clinicId, { userAgent: device.userAgent, ip });
}

/**
 * Opening an invitation link is throttled per client like a reset link (issue 13: "same rules for ... invite
 * acceptance"): the token is the secret being guessed, so each unknown link counts and a right one gives its
 * slot back.
 */
async function openInvite(deps: AppDeps, token: string, client: string) {
  await reserveRecoveryAttempt(deps, 'link-use', '', client);
  const invite = await repo.findInviteByTokenHash(deps.database.db, hashToken(token));
  const now = deps.clock.now();
  if (
    !invite ||
    invite.used_at !== null ||
    invite.revoked_at !== null ||
    invite.expires_at <= now ||
    // Issue 13 (V5): only an account still waiting for its first password can be set up by a link; an
    // active or deactivated account is never changed through an invitation, however old the link.
    invite.status !== 'invited'
  ) {
    throw new AppError(
      'not_found',
      'This invitation link is not valid any more. Ask your clinic for a new one.',
    );
  }
  await forgiveRecoveryAttempt(deps, 'link-use', '', client);
  return invite;
}

export async function previewInvite(deps: AppDeps, token: string, client: string) {
  const invite = await openInvite(deps, token, client);
  return {
    email: invite.email,
    name: invite.name,
    role: invite.role as SessionUser['role'],
    clinicName: invite.clinic_name,
    expiresAt: invite.expires_at,
  };
}

/** Sets the invitee's password, activates the account, uses up the link, and signs the invitee in. */
export async function acceptInvite(
  deps: AppDeps,
  token: string,
  password: string,
  device: SignInDevice & { ip?: string } = {},
): Promise<SignedIn> {
  const invite = await openInvite(deps, token, device.ip ?? '');
  const problem = passwordProblem(password, { email: invite.email, name: invite.name });
  if (problem)
    throw new AppError('validation_failed', problem, [{ path: 'body.password', message: problem }]);
  const hash = await deps.passwords.hash(password);
  await deps.database.transaction(async (trx) => {
    if (!(await repo.useInvite(trx, invite.id, deps.clock.now()))) throw notFound('Invitation');
    // Activates only an account that is still invited (a concurrent accept or a deactivation loses here),
    // and every other open link of the account dies with the activation (issue 13, V5).
    if (!(await repo.activateInvitedUser(trx, invite.clinic_id, invite.user_id, hash, deps.clock.now())))
      throw notFound('Invitation');
    await repo.revokeOpenInvites(trx, invite.user_id, deps.clock.now());
    await endAllSessionsOfUser(trx, invite.user_id);
  });
  return openSession(deps, invite.user_id, invite.clinic_id, { userAgent: device.userAgent, ip: device.ip });
}
