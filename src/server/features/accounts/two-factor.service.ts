import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { liftTwoFactorSetupRequirement } from '../../platform/auth/sessions.js';
import type {
  RecoveryCodes,
  TwoFactorSetup,
  TwoFactorStatus,
} from '../../../shared/accounts/two-factor-schemas.js';
import * as accounts from './accounts.repository.js';
import {
  groupedKey,
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrSvg,
} from './two-factor-codes.js';
import { auditSecurityEvent, staffMustUseTwoFactor, useSecondFactor } from './two-factor-check.js';
import * as repo from './two-factor.repository.js';
import { openSecret, sealSecret } from './two-factor-secret-box.js';

/** Two-step sign-in in the user's own settings (issue 13). */

async function accountOf(deps: AppDeps, actor: Actor) {
  const user = await accounts.findUser(deps.database.db, actor.clinicId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  return user;
}

export async function twoFactorStatus(deps: AppDeps, actor: Actor): Promise<TwoFactorStatus> {
  const db = deps.database.db;
  const twoFactor = await repo.findTwoFactor(db, actor.userId);
  const enabled = twoFactor?.confirmed_at != null;
  return {
    enabled,
    recoveryCodesLeft: enabled ? await repo.recoveryCodesLeft(db, actor.userId) : 0,
    requiredForMe: await staffMustUseTwoFactor(db, actor.role, actor.clinicId),
  };
}

/** Starts (or restarts) set-up: a new key, shown only until the set-up is confirmed. */
export async function startTwoFactorSetup(deps: AppDeps, actor: Actor): Promise<TwoFactorSetup> {
  const user = await accountOf(deps, actor);
  if ((await repo.findTwoFactor(deps.database.db, actor.userId))?.confirmed_at != null)
    throw new AppError('conflict', 'Two-step sign-in is already on. Turn it off first to use a new app.');
  const secret = newTotpSecret();
  await repo.startSetup(
    deps.database.db,
    { user_id: user.id, clinic_id: user.clinic_id, secret: sealSecret(secret, deps.serverKeys) },
    deps.clock.now(),
  );
  const uri = otpauthUri(user.email, secret);
  return { key: groupedKey(secret), otpauthUri: uri, qrSvg: await qrSvg(uri) };
}

const wrongCode = (path: string) =>
  new AppError('validation_failed', 'That code is not correct. Check the time on your phone and try again.', [
    { path, message: 'Not correct' },
  ]);

/** Turns two-step sign-in on with a current code from the app; answers the recovery codes, shown once. */
export async function confirmTwoFactorSetup(
  deps: AppDeps,
  actor: Actor,
  code: string,
): Promise<RecoveryCodes> {
  const user = await accountOf(deps, actor);
  const now = deps.clock.now();
  return deps.database.transaction(async (trx) => {
    const twoFactor = await repo.findTwoFactor(trx, actor.userId);
    if (!twoFactor) throw new AppError('conflict', 'Start the set-up first.');
    if (twoFactor.confirmed_at !== null) throw new AppError('conflict', 'Two-step sign-in is already on.');
    const secret = openSecret(twoFactor.secret, deps.serverKeys);
    const step = secret === null ? null : matchingStep(secret, code, now);
    if (step === null || !(await repo.useStep(trx, actor.userId, step, now))) throw wrongCode('body.code');
    if (!(await repo.confirm(trx, actor.userId, now)))
      throw new AppError('conflict', 'Two-step sign-in is already on.');
    const recoveryCodes = await storeNewRecoveryCodes(trx, user.id, user.clinic_id, now);
    await liftTwoFactorSetupRequirement(trx, actor.userId);
    await auditSecurityEvent(deps, trx, user, 'account.two_factor_on', 'allowed');
    return { recoveryCodes };
  });
}

async function storeNewRecoveryCodes(
  trx: Parameters<typeof repo.replaceRecoveryCodes>[0],
  userId: string,
  clinicId: string,
  now: number,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(
    trx,
    codes.map((code) => ({
      id: newId(),
      clinic_id: clinicId,
      user_id: userId,
      code_hash: hashRecoveryCode(userId, code),
    })),
    userId,
    now,
  );
  return codes;
}

/**
 * The password and a current code (or a recovery code), as for sign-in: the password guess is throttled like
 * a sign-in (same reservation, same limits), the code is used up.
 */
async function checkPasswordAndCode(
  deps: AppDeps,
  actor: Actor,
  input: { password: string; code: string },
  ip: string,
) {
  const user = await accountOf(deps, actor);
  const { accountDelayPassed } = await deps.loginThrottle.reserve(user.email, ip);
  if (!user.password_hash || !(await deps.passwords.verify(user.password_hash, input.password)))
    throw new AppError('validation_failed', 'Your password is not correct.', [
      { path: 'body.password', message: 'Not correct' },
    ]);
  await deps.loginThrottle.recordSuccess(user.email, ip, accountDelayPassed ? { accountDelayPassed } : {});
  if (!(await useSecondFactor(deps.database.db, deps.serverKeys, user.id, input.code, deps.clock.now()))) {
    await deps.database.transaction((trx) =>
      auditSecurityEvent(deps, trx, user, 'account.two_factor_code', 'denied'),
    );
    throw wrongCode('body.code');
  }
  return user;
}

export async function regenerateRecoveryCodes(
  deps: AppDeps,
  actor: Actor,
  input: { password: string; code: string },
  ip: string,
): Promise<RecoveryCodes> {
  const user = await checkPasswordAndCode(deps, actor, input, ip);
  return deps.database.transaction(async (trx) => {
    const recoveryCodes = await storeNewRecoveryCodes(trx, user.id, user.clinic_id, deps.clock.now());
    await auditSecurityEvent(deps, trx, user, 'account.recovery_codes_new', 'allowed');
    return { recoveryCodes };
  });
}

export async function turnTwoFactorOff(
  deps: AppDeps,
  actor: Actor,
  input: { password: string; code: string },
  ip: string,
): Promise<void> {
  const db = deps.database.db;
  if ((await repo.findTwoFactor(db, actor.userId))?.confirmed_at == null)
    throw new AppError('conflict', 'Two-step sign-in is not on.');
  if (await staffMustUseTwoFactor(db, actor.role, actor.clinicId))
    throw new AppError('forbidden', 'Your clinic requires two-step sign-in for staff, so it stays on.');
  const user = await checkPasswordAndCode(deps, actor, input, ip);
  await deps.database.transaction(async (trx) => {
    await repo.removeTwoFactor(trx, user.id);
    await auditSecurityEvent(deps, trx, user, 'account.two_factor_off', 'allowed');
  });
}
