import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { endAllSessionsOfUser } from '../../platform/auth/sessions.js';
import type { Role } from '../../../shared/access/roles.js';
import type { StaffUser } from '../../../shared/accounts/schemas.js';
import * as repo from './accounts.repository.js';
import * as mailRepo from '../../platform/mail/mail.repository.js';
import { toStaffUser } from './accounts.mapper.js';
import { inviteMail, issueInvite, redactSecretLinks } from './invites.js';
import { OUTBOX_MAILS_MAX } from '../../../shared/lists/limits.js';

// Account events are audited too (no patient attached): who invited or deactivated whom, and when.
async function auditAccount(
  deps: AppDeps,
  trx: Parameters<AppDeps['audit']['record']>[0],
  actor: Actor,
  action: string,
  userId: string,
) {
  await deps.audit.record(trx, actor.clinicId, actor, {
    action,
    resourceType: 'user',
    resourceId: userId,
    patientId: null,
    outcome: 'allowed',
  });
}

export async function listStaff(deps: AppDeps, actor: Actor): Promise<StaffUser[]> {
  return (await repo.listStaff(deps.database.db, actor.clinicId)).map(toStaffUser);
}

export async function listClinicians(deps: AppDeps, actor: Actor) {
  const rows = await repo.listActiveClinicians(deps.database.db, actor.clinicId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role as 'therapist' | 'prescriber' | 'care_manager',
  }));
}

export async function inviteStaff(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; name: string; role: Exclude<Role, 'patient'> },
): Promise<StaffUser> {
  const now = deps.clock.now();
  const id = newId();
  const sent = await deps.database.transaction(async (trx) => {
    if (await repo.findUserByEmail(trx, input.email)) {
      throw new AppError('conflict', 'An account with this email already exists.', [
        { path: 'body.email', message: 'Already in use' },
      ]);
    }
    await repo.insertUser(trx, {
      id,
      clinic_id: actor.clinicId,
      email: input.email,
      name: input.name,
      role: input.role,
      status: 'invited',
      password_hash: null,
      version: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    });
    const invite = await issueInvite(
      trx,
      deps,
      { id, clinicId: actor.clinicId, role: input.role },
      actor.userId,
    );
    await auditAccount(deps, trx, actor, 'user.invite', id);
    return { invite, clinicName: await repo.findClinicName(trx, actor.clinicId) };
  });
  await deps.mailer.send(deps.database.db, {
    clinicId: actor.clinicId,
    to: input.email,
    ...inviteMail({ name: input.name, role: input.role, clinicName: sent.clinicName, invite: sent.invite }),
  });
  return requireStaff(deps, actor, id);
}

/**
 * The admin's user routes manage staff only (issue 13, V6): a patient account answers 404 like an unknown
 * id, so an admin can neither switch a patient's account off and on nor learn which ids are patients.
 */
async function findStaff(db: Parameters<typeof repo.findUser>[0], clinicId: string, userId: string) {
  const user = await repo.findUser(db, clinicId, userId);
  return user && user.role !== 'patient' ? user : undefined;
}

export async function requireStaff(deps: AppDeps, actor: Actor, userId: string): Promise<StaffUser> {
  const user = await findStaff(deps.database.db, actor.clinicId, userId);
  if (!user) throw notFound('Account');
  return toStaffUser(user);
}

/** The staff member an admin may deactivate (404 for a stranger or a patient; 409 for oneself). */
export async function staffToDeactivate(db: Db, actor: Actor, userId: string) {
  if (userId === actor.userId) throw new AppError('conflict', 'You cannot deactivate your own account.');
  const user = await findStaff(db, actor.clinicId, userId);
  if (!user) throw notFound('Account');
  return toStaffUser(user);
}

/**
 * Deactivation ends all the user's sessions at once and blocks sign-in and open invite links. Runs inside
 * the caller's transaction: the patients feature reassigns the person's care teams first (issue 15).
 */
export async function deactivateAccount(trx: Db, deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  await staffToDeactivate(trx, actor, userId);
  await repo.updateUser(trx, actor.clinicId, userId, { status: 'deactivated' }, deps.clock.now());
  await repo.revokeOpenInvites(trx, userId, deps.clock.now());
  await endAllSessionsOfUser(trx, userId);
  await auditAccount(deps, trx, actor, 'user.deactivate', userId);
}

/** Back to active when a password exists; otherwise back to invited (resend an invite to finish). */
export async function reactivate(deps: AppDeps, actor: Actor, userId: string): Promise<StaffUser> {
  await deps.database.transaction(async (trx) => {
    const user = await findStaff(trx, actor.clinicId, userId);
    if (!user) throw notFound('Account');
    if (user.status !== 'deactivated') return;
    await repo.updateUser(
      trx,
      actor.clinicId,
      userId,
      { status: user.password_hash ? 'active' : 'invited' },
      deps.clock.now(),
    );
    await auditAccount(deps, trx, actor, 'user.reactivate', userId);
  });
  return requireStaff(deps, actor, userId);
}

/** A new link for someone who has not set a password yet; the previous link stops working. */
export async function resendInvite(
  deps: AppDeps,
  actor: Actor | null,
  clinicId: string,
  userId: string,
): Promise<void> {
  const sent = await deps.database.transaction(async (trx) => {
    const user = await repo.findUser(trx, clinicId, userId);
    if (!user) throw notFound('Account');
    if (user.status !== 'invited')
      throw new AppError('conflict', 'This person has already set a password (or is deactivated).');
    const invite = await issueInvite(
      trx,
      deps,
      { id: user.id, clinicId, role: user.role as Role },
      actor?.userId ?? null,
    );
    if (actor) await auditAccount(deps, trx, actor, 'user.resend_invite', userId);
    return { user, invite, clinicName: await repo.findClinicName(trx, clinicId) };
  });
  await deps.mailer.send(deps.database.db, {
    clinicId,
    to: sent.user.email,
    ...inviteMail({
      name: sent.user.name,
      role: sent.user.role as Role,
      clinicName: sent.clinicName,
      invite: sent.invite,
    }),
  });
}

export async function resendStaffInvite(deps: AppDeps, actor: Actor, userId: string): Promise<StaffUser> {
  // Patients' invites are resent by their care team, not by the admin (admins do not handle patient records).
  if (!(await findStaff(deps.database.db, actor.clinicId, userId))) throw notFound('Account');
  await resendInvite(deps, actor, actor.clinicId, userId);
  return requireStaff(deps, actor, userId);
}

/**
 * The outbox as the admin sees it: invitation links are hidden (issue 13, V5), so an admin can never sign
 * up as the person invited. To get someone a working link, resend the invitation (the old link dies).
 */
/** The latest mails, newest first, bounded (issue 19): at most OUTBOX_MAILS_MAX, `hasMore` when older exist. */
export async function listOutbox(deps: AppDeps, actor: Actor) {
  const rows = await mailRepo.listMailOfClinic(deps.database.db, actor.clinicId, OUTBOX_MAILS_MAX + 1);
  const mails = rows.slice(0, OUTBOX_MAILS_MAX).map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: redactSecretLinks(r.text_body),
    createdAt: r.created_at,
    sentAt: r.sent_at === null ? null : r.sent_at,
    transport: r.transport as 'outbox' | 'smtp',
  }));
  return { mails, hasMore: rows.length > OUTBOX_MAILS_MAX };
}
