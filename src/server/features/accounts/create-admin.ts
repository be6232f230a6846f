import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { emailSchema } from '../../../shared/accounts/schemas.js';
import * as repo from './accounts.repository.js';
import { issueInvite } from './invites.js';

/** Creates a clinic admin from the command line; the first call also creates the clinic. */
export async function createAdmin(
  deps: AppDeps,
  input: { email: string; name: string; clinicName: string },
): Promise<{ link: string }> {
  const email = emailSchema.parse(input.email);
  const now = deps.clock.now();
  return deps.database.transaction(async (trx) => {
    if (await repo.findUserByEmail(trx, email))
      throw new AppError('conflict', 'An account with this email already exists.');
    let clinicId = await repo.firstClinicId(trx);
    if (!clinicId) {
      clinicId = newId();
      await repo.insertClinic(trx, { id: clinicId, name: input.clinicName, settings: '{}', created_at: now });
    }
    const id = newId();
    await repo.insertUser(trx, {
      id,
      clinic_id: clinicId,
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
    const invite = await issueInvite(trx, deps, { id, clinicId, role: 'admin' }, null);
    return { link: invite.link };
  });
}
