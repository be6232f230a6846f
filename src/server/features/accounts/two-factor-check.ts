import type { Db } from '../../db/database.js';
import type { UserTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Role } from '../../../shared/access/roles.js';
import { clinicSettings } from '../clinic/index.js';
import type { AuditKeyRing } from '../../platform/audit/audit-keys.js';
import { hashRecoveryCode, matchingStep } from './two-factor-codes.js';
import { openSecret } from './two-factor-secret-box.js';
import * as repo from './two-factor.repository.js';

/** Whether the account has two-step sign-in on (set up and confirmed). */
export async function twoFactorOn(db: Db, userId: string): Promise<boolean> {
  return (await repo.findTwoFactor(db, userId))?.confirmed_at != null;
}

/**
 * Checks a second factor of an account with two-step sign-in on and uses it up: a 6-digit code from the app
 * (its 30 s step must be later than the last one used) or an unused recovery code. Answers how it passed,
 * or null.
 */
export async function useSecondFactor(
  db: Db,
  keys: AuditKeyRing,
  userId: string,
  code: string,
  now: number,
): Promise<'app' | 'recovery' | null> {
  const twoFactor = await repo.findTwoFactor(db, userId);
  if (twoFactor?.confirmed_at == null) return null;
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    const secret = openSecret(twoFactor.secret, keys);
    const step = secret === null ? null : matchingStep(secret, digits, now);
    return step !== null && (await repo.useStep(db, userId, step, now)) ? 'app' : null;
  }
  return (await repo.useRecoveryCode(db, userId, hashRecoveryCode(userId, code), now)) ? 'recovery' : null;
}

/** Staff of a clinic that requires two-step sign-in, without it on yet: their session may only set it up. */
export async function setupRequiredAtSignIn(db: Db, user: UserTable): Promise<boolean> {
  if (!(await staffMustUseTwoFactor(db, user.role as Role, user.clinic_id))) return false;
  return !(await twoFactorOn(db, user.id));
}

/** Staff of a clinic whose settings require two-step sign-in (read through the clinic feature, issue 18). */
export async function staffMustUseTwoFactor(db: Db, role: Role, clinicId: string): Promise<boolean> {
  return role !== 'patient' && (await clinicSettings(db, clinicId)).staffTwoFactorRequired;
}

/** The account as an audit actor, for sign-in events that happen before any session exists. */
export function accountActor(user: UserTable, patientId: string | null = null): Actor {
  return {
    userId: user.id,
    role: user.role as Role,
    clinicId: user.clinic_id,
    patientId,
    sessionIdHash: '',
    csrfToken: '',
  };
}

/** Security events of two-step sign-in in the clinic's audit trail (no patient). */
export async function auditSecurityEvent(
  deps: AppDeps,
  db: Db,
  user: UserTable,
  action: string,
  outcome: 'allowed' | 'denied',
): Promise<void> {
  await deps.audit.record(db, user.clinic_id, accountActor(user), {
    action,
    resourceType: 'account',
    resourceId: user.id,
    patientId: null,
    outcome,
  });
}
