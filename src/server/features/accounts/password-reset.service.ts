import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newId, newSecretToken } from '../../platform/ids.js';
import { endAllSessionsOfUser } from '../../platform/auth/sessions.js';
import { passwordProblem } from '../../../shared/accounts/password-policy.js';
import { PASSWORD_RESET_TTL_MS } from '../../../shared/accounts/account-recovery.js';
import type { Role } from '../../../shared/access/roles.js';
import * as accounts from './accounts.repository.js';
import * as repo from './password-reset.repository.js';
import { revokeOpenEmailChanges } from './email-change.repository.js';
import { forgiveRecoveryAttempt, reserveRecoveryAttempt } from './password-reset-throttle.js';
import { passwordChangedMail, passwordResetMail } from './password-reset-mails.js';

/** The account itself as the actor of its security events (there is no session when a reset happens). */
export const accountActor = (user: { id: string; clinic_id: string; role: string }): Actor => ({
  userId: user.id,
  role: user.role as Role,
  clinicId: user.clinic_id,
  patientId: null,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * "Forgot password": mails a one-time link to an ACTIVE account with this email. The caller always gets
 * the same answer, after the same argon2 work, whether the email is unknown, invited (the invitation is the
 * way in), deactivated or active (docs/security.md "Password reset and email change").
 */
export async function requestPasswordReset(deps: AppDeps, email: string, client: string): Promise<void> {
  await reserveRecoveryAttempt(deps, 'reset-request', email, client);
  const user = await accounts.findUserByEmail(deps.database.db, email);
  // The work that dominates the answer time happens either way, so timing does not tell accounts apart.
  await deps.passwords.verifyDummy(email);
  if (user?.status !== 'active') return;

  const now = deps.clock.now();
  const token = newSecretToken();
  await deps.database.transaction(async (trx) => {
    await repo.revokeOpenPasswordResets(trx, user.id, now);
    await repo.insertPasswordReset(trx, {
      id: newId(),
      clinic_id: user.clinic_id,
      user_id: user.id,
      token_hash: hashToken(token),
      expires_at: now + PASSWORD_RESET_TTL_MS,
      used_at: null,
      revoked_at: null,
      created_at: now,
    });
    await deps.audit.record(trx, user.clinic_id, accountActor(user), {
      action: 'security.password_reset_requested',
      resourceType: 'account',
      resourceId: user.id,
      patientId: null,
      outcome: 'allowed',
    });
  });
  await deps.mailer.send(deps.database.db, {
    clinicId: user.clinic_id,
    to: user.email,
    // A fragment never leaves the browser: the token is not in server logs or a Referer header.
    ...passwordResetMail({ name: user.name, link: `${deps.config.publicUrl}/reset-password#${token}` }),
  });
}

const linkNotValid = () =>
  new AppError(
    'validation_failed',
    'This reset link is not valid any more (it was used, replaced by a newer one, or it expired). Ask for a new link.',
    [{ path: 'body.token', message: 'Link not valid any more' }],
  );

/**
 * Sets the new password with a reset link. The link is used up, every other link of the account dies, every
 * session of the account (all devices) is signed out, a pending email change is cancelled, and the owner is
 * told by mail. The person then signs in afresh.
 */
export async function completePasswordReset(
  deps: AppDeps,
  input: { token: string; password: string },
  client: string,
): Promise<void> {
  await reserveRecoveryAttempt(deps, 'link-use', '', client);
  const now = deps.clock.now();
  const reset = await repo.findPasswordResetByTokenHash(deps.database.db, hashToken(input.token));
  if (
    !reset ||
    reset.used_at !== null ||
    reset.revoked_at !== null ||
    reset.expires_at <= now ||
    reset.status !== 'active'
  ) {
    throw linkNotValid();
  }
  await forgiveRecoveryAttempt(deps, 'link-use', '', client);
  const problem = passwordProblem(input.password, { email: reset.email, name: reset.name });
  if (problem)
    throw new AppError('validation_failed', problem, [{ path: 'body.password', message: problem }]);
  const hash = await deps.passwords.hash(input.password);

  await deps.database.transaction(async (trx) => {
    const at = deps.clock.now();
    if (!(await repo.usePasswordReset(trx, reset.id, at))) throw linkNotValid();
    if (!(await repo.setPasswordOfActiveUser(trx, reset.clinic_id, reset.user_id, hash, at)))
      throw linkNotValid();
    await repo.revokeOpenPasswordResets(trx, reset.user_id, at);
    // Whoever could have asked for an address change with a stolen session loses it with the password.
    await revokeOpenEmailChanges(trx, reset.user_id, at);
    await endAllSessionsOfUser(trx, reset.user_id);
    await deps.audit.record(
      trx,
      reset.clinic_id,
      accountActor({ id: reset.user_id, clinic_id: reset.clinic_id, role: reset.role }),
      {
        action: 'security.password_reset',
        resourceType: 'account',
        resourceId: reset.user_id,
        patientId: null,
        outcome: 'allowed',
      },
    );
  });
  await deps.mailer.send(deps.database.db, {
    clinicId: reset.clinic_id,
    to: reset.email,
    ...passwordChangedMail({ name: reset.name, signInLink: `${deps.config.publicUrl}/login` }),
  });
}
