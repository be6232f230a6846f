import type { Db } from '../../db/database.js';
import type { UserTable } from '../../db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newId, newSecretToken } from '../../platform/ids.js';
import { EMAIL_CHANGE_TTL_MS, type AccountEmail } from '../../../shared/accounts/account-recovery.js';
import type { Role } from '../../../shared/access/roles.js';
import * as accounts from './accounts.repository.js';
import * as repo from './email-change.repository.js';
import { inviteMail, issueInvite } from './invites.js';
import { accountActor } from './password-reset.service.js';
import { forgiveRecoveryAttempt, reserveRecoveryAttempt } from './password-reset-throttle.js';
import { emailChangeConfirmMail, emailChangeNoticeMail } from './password-reset-mails.js';

/**
 * The one place an account's email changes: the sign-in address (users) and, for a patient, the address on
 * their record (written by the patients feature through deps.setPatientEmail), in the same transaction, so
 * the two never disagree.
 */
async function setAccountEmail(
  trx: Db,
  deps: AppDeps,
  clinicId: string,
  userId: string,
  email: string,
  now: number,
): Promise<void> {
  await repo.setEmailOfUser(trx, clinicId, userId, email, now);
  await deps.setPatientEmail(trx, clinicId, userId, email, now);
}

/**
 * One rule for every change of an account's email (docs/security.md "Password reset and email change"):
 * the new address is kept as PENDING and gets a one-time confirmation link (24 h); only that link changes
 * the sign-in and notification address (users.email and, for a patient, patients.email, together), and the
 * old address is told. An account still waiting for its invitation has no password to protect: its address
 * changes at once and a fresh invitation goes to the new address (the old link dies; accepting the
 * invitation is the confirmation).
 */
export async function startEmailChange(
  trx: Db,
  deps: AppDeps,
  user: UserTable,
  newEmail: string,
  by: Actor,
  /** Where the form shows a refusal, and whether the caller may hear that the address is taken in their clinic. */
  opts: { field: string; sameClinicMayKnow: boolean },
): Promise<OutgoingMail[]> {
  const now = deps.clock.now();
  const email = newEmail.toLowerCase();
  if (email === user.email) {
    // Back to the current address: whatever was pending is dropped.
    await repo.revokeOpenEmailChanges(trx, user.id, now);
    return [];
  }
  await assertAddressFree(trx, user, email, opts);
  await repo.revokeOpenEmailChanges(trx, user.id, now);
  const audit = (action: string) =>
    deps.audit.record(trx, user.clinic_id, by, {
      action,
      resourceType: 'account',
      resourceId: user.id,
      patientId: null,
      outcome: 'allowed',
    });

  if (user.status === 'invited') {
    await setAccountEmail(trx, deps, user.clinic_id, user.id, email, now);
    const invite = await issueInvite(
      trx,
      deps,
      { id: user.id, clinicId: user.clinic_id, role: user.role as Role },
      by.userId,
    );
    await audit('security.email_changed');
    const clinicName = await accounts.findClinicName(trx, user.clinic_id);
    return [
      {
        clinicId: user.clinic_id,
        to: email,
        ...inviteMail({ name: user.name, role: user.role as Role, clinicName, invite }),
      },
    ];
  }

  const token = newSecretToken();
  await repo.insertEmailChange(trx, {
    id: newId(),
    clinic_id: user.clinic_id,
    user_id: user.id,
    new_email: email,
    token_hash: hashToken(token),
    expires_at: now + EMAIL_CHANGE_TTL_MS,
    used_at: null,
    revoked_at: null,
    requested_by: by.userId,
    created_at: now,
  });
  await audit('security.email_change_requested');
  return [
    {
      clinicId: user.clinic_id,
      to: email,
      ...emailChangeConfirmMail({ name: user.name, link: `${deps.config.publicUrl}/confirm-email#${token}` }),
    },
  ];
}

/**
 * Sign-in addresses are unique in the whole instance. Inside the clinic, a clinician hears it plainly;
 * anyone else (and anything in another clinic) gets the same words as any unusable address (issue 13, V8).
 */
async function assertAddressFree(
  db: Db,
  user: UserTable,
  email: string,
  opts: { field: string; sameClinicMayKnow: boolean },
): Promise<void> {
  const existing = await accounts.findUserByEmail(db, email);
  if (!existing) return;
  if (opts.sameClinicMayKnow && existing.clinic_id === user.clinic_id)
    throw new AppError('conflict', 'Someone in your clinic already signs in with this email.', [
      { path: opts.field, message: 'Already in use in your clinic' },
    ]);
  throw new AppError('conflict', 'This email cannot be used for this account. Use another address.', [
    { path: opts.field, message: 'Cannot be used for this account' },
  ]);
}

/** The address pending confirmation for an account, if any (shown wherever the email is shown). */
export async function pendingEmailOf(
  db: Db,
  now: number,
  clinicId: string,
  userId: string,
): Promise<{ email: string; expiresAt: number } | null> {
  const open = await repo.findOpenEmailChange(db, clinicId, userId, now);
  return open ? { email: open.new_email, expiresAt: open.expires_at } : null;
}

/**
 * A clinician edits a patient's email in their demographics (the care-team access check and its audit are the
 * caller's, inside `withPatientRecord`). Inside the clinic, "already in use" may be said plainly.
 */
export async function changeEmailForPatient(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  newEmail: string,
): Promise<OutgoingMail[]> {
  const user = await repo.findUserOfPatient(trx, actor.clinicId, patientId);
  if (!user) throw new AppError('not_found', 'Patient not found');
  return startEmailChange(trx, deps, user, newEmail, actor, { field: 'body.email', sameClinicMayKnow: true });
}

export async function sendMails(deps: AppDeps, mails: OutgoingMail[]): Promise<void> {
  for (const mail of mails) await deps.mailer.send(deps.database.db, mail);
}

export async function accountEmail(deps: AppDeps, actor: Actor): Promise<AccountEmail> {
  const db = deps.database.db;
  const user = await accounts.findUser(db, actor.clinicId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  const pending = await pendingEmailOf(db, deps.clock.now(), actor.clinicId, actor.userId);
  return {
    email: user.email,
    pendingEmail: pending?.email ?? null,
    pendingExpiresAt: pending?.expiresAt ?? null,
  };
}

/** The account holder changes their own address (settings). The current password is asked, as for a new password. */
export async function requestOwnEmailChange(
  deps: AppDeps,
  actor: Actor,
  input: { newEmail: string; currentPassword: string },
  client: string,
): Promise<AccountEmail> {
  const user = await accounts.findUser(deps.database.db, actor.clinicId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  // The current password is a password guess like a sign-in: same reservation, same limits (issue 13, V9).
  await deps.loginThrottle.reserve(user.email, client);
  if (!user.password_hash || !(await deps.passwords.verify(user.password_hash, input.currentPassword))) {
    throw new AppError('validation_failed', 'Your current password is not correct.', [
      { path: 'body.currentPassword', message: 'Not correct' },
    ]);
  }
  await deps.loginThrottle.recordSuccess(user.email, client);
  const mails = await deps.database.transaction((trx) =>
    startEmailChange(trx, deps, user, input.newEmail, actor, {
      field: 'body.newEmail',
      sameClinicMayKnow: false,
    }),
  );
  await sendMails(deps, mails);
  return accountEmail(deps, actor);
}

const linkNotValid = () =>
  new AppError(
    'validation_failed',
    'This confirmation link is not valid any more (it was used, replaced by a newer change, or it expired). Ask for the change again.',
    [{ path: 'body.token', message: 'Link not valid any more' }],
  );

/** Opening the link sent to the new address makes it the account's sign-in and notification address. */
export async function confirmEmailChange(
  deps: AppDeps,
  token: string,
  client: string,
): Promise<{ email: string }> {
  await reserveRecoveryAttempt(deps, 'link-use', '', client);
  const change = await repo.findEmailChangeByTokenHash(deps.database.db, hashToken(token));
  const now = deps.clock.now();
  if (
    !change ||
    change.used_at !== null ||
    change.revoked_at !== null ||
    change.expires_at <= now ||
    change.status !== 'active'
  ) {
    throw linkNotValid();
  }
  await forgiveRecoveryAttempt(deps, 'link-use', '', client);
  await deps.database.transaction(async (trx) => {
    const at = deps.clock.now();
    if (!(await repo.useEmailChange(trx, change.id, at))) throw linkNotValid();
    if (await accounts.findUserByEmail(trx, change.new_email)) {
      throw new AppError(
        'conflict',
        'This address is now used by another account. Ask for the change with another address.',
        [{ path: 'body.token', message: 'Address taken meanwhile' }],
      );
    }
    await setAccountEmail(trx, deps, change.clinic_id, change.user_id, change.new_email, at);
    await repo.revokeOpenEmailChanges(trx, change.user_id, at);
    await deps.audit.record(
      trx,
      change.clinic_id,
      accountActor({ id: change.user_id, clinic_id: change.clinic_id, role: change.role }),
      {
        action: 'security.email_changed',
        resourceType: 'account',
        resourceId: change.user_id,
        patientId: null,
        outcome: 'allowed',
      },
    );
  });
  await deps.mailer.send(deps.database.db, {
    clinicId: change.clinic_id,
    to: change.email,
    ...emailChangeNoticeMail({ name: change.name, newEmail: change.new_email }),
  });
  return { email: change.new_email };
}
