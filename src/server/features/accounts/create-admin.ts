import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { emailSchema } from '../../../shared/accounts/schemas.js';
import type { Role } from '../../../shared/access/roles.js';
import * as repo from './accounts.repository.js';
import { issueInvite } from './invites.js';

export const DEFAULT_CLINIC_NAME = 'My clinic';

/**
 * The clinic the new admin joins (issue 13, V10). With `--clinic`: the clinic of that name, created when
 * there is none, refused when several share the name. Without it: the only clinic, a new "My clinic" when
 * there is none, refused when there are several (the admin must name one; never silently the first).
 */
async function clinicFor(
  trx: Db,
  clinicName: string | undefined,
  now: number,
): Promise<{ id: string; created: boolean }> {
  const name = clinicName?.trim();
  if (clinicName !== undefined && !name) throw new AppError('validation_failed', 'The clinic name is empty.');
  const found = name ? await repo.findClinicIdsByName(trx, name, 2) : await repo.clinicIds(trx, 2);
  if (found.length > 1)
    throw new AppError(
      'conflict',
      name
        ? `Several clinics are named "${name}". Rename one in the database first; no admin was created.`
        : 'There are several clinics. Name one with --clinic "Clinic name"; no admin was created.',
    );
  const [existing] = found;
  if (existing) return { id: existing, created: false };
  const id = newId();
  // A new clinic requires two-step sign-in of its staff (issue 13); the admin can turn it off in settings.
  const settings = JSON.stringify({ staffTwoFactorRequired: true });
  await repo.insertClinic(trx, { id, name: name ?? DEFAULT_CLINIC_NAME, settings, created_at: now });
  return { id, created: true };
}

/** Creates a clinic admin from the command line, and the clinic when it does not exist yet. */
export async function createAdmin(
  deps: AppDeps,
  input: { email: string; name: string; clinicName?: string | undefined },
): Promise<{ link: string; clinicCreated: boolean }> {
  const email = emailSchema.parse(input.email);
  const now = deps.clock.now();
  return deps.database.transaction(async (trx) => {
    if (await repo.findUserByEmail(trx, email))
      throw new AppError('conflict', 'An account with this email already exists.');
    const clinic = await clinicFor(trx, input.clinicName, now);
    const id = newId();
    await repo.insertUser(trx, {
      id,
      clinic_id: clinic.id,
      email,
      name: input.name,
      role: 'admin',
      status: 'invited',
      password_hash: null,
      version: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    });
    // The link is on PUBLIC_URL (deps.config.publicUrl), as every mailed link is.
    const invite = await issueInvite(trx, deps, { id, clinicId: clinic.id, role: 'admin' }, null);
    return { link: invite.link, clinicCreated: clinic.created };
  });
}

/**
 * A fresh one-time link for an account still waiting for its first password, for the operator at the
 * server's command line (e.g. without SMTP, where the admin's outbox hides links, issue 13 V5). The old
 * link dies; an active or deactivated account gets no link (an invitation never changes such an account).
 */
export async function freshInviteLink(deps: AppDeps, rawEmail: string): Promise<{ link: string }> {
  const email = emailSchema.parse(rawEmail);
  return deps.database.transaction(async (trx) => {
    const user = await repo.findUserByEmail(trx, email);
    if (!user) throw new AppError('not_found', `No account signs in with ${email}.`);
    if (user.status !== 'invited')
      throw new AppError('conflict', 'This account has already set a password (or is deactivated): no link.');
    const invite = await issueInvite(
      trx,
      deps,
      { id: user.id, clinicId: user.clinic_id, role: user.role as Role },
      null,
    );
    return { link: invite.link };
  });
}
