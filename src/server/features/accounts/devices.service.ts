import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { hashToken } from '../../platform/ids.js';
import { endSession, endSessionsOfUserExcept, listSessionsOfUser } from '../../platform/auth/sessions.js';
import { describeDevice } from '../../../shared/accounts/device-words.js';
import type { SignedInDevice } from '../../../shared/accounts/two-factor-schemas.js';
import * as accounts from './accounts.repository.js';
import { auditSecurityEvent } from './two-factor-check.js';

/**
 * Signed-in devices (issue 13): the account's open sessions. A device's id is derived from the session's
 * stored hash (never the session token itself), so the list can name a session without exposing it.
 */
const deviceIdOf = (sessionIdHash: string) => hashToken(`device:${sessionIdHash}`).slice(0, 32);

async function openSessions(deps: AppDeps, actor: Actor) {
  return listSessionsOfUser(deps.database.db, actor.userId, deps.clock.now(), deps.config.sessionIdleMs);
}

export async function listDevices(deps: AppDeps, actor: Actor): Promise<SignedInDevice[]> {
  return (await openSessions(deps, actor)).map((s) => ({
    id: deviceIdOf(s.id_hash),
    device: describeDevice(s.user_agent),
    signedInAt: s.created_at,
    lastActiveAt: s.last_seen_at,
    approximateAddress: s.client_address,
    thisDevice: s.id_hash === actor.sessionIdHash,
  }));
}

/** Signs one device out at once (its session is deleted; its next request is unauthenticated). */
export async function revokeDevice(deps: AppDeps, actor: Actor, deviceId: string): Promise<void> {
  const session = (await openSessions(deps, actor)).find((s) => deviceIdOf(s.id_hash) === deviceId);
  if (!session) throw notFound('Device');
  await deps.database.transaction(async (trx) => {
    await endSession(trx, session.id_hash);
    await auditDeviceEvent(deps, trx, actor, 'account.device_signed_out');
  });
}

/** Signs out every other device of the account; this one stays signed in. */
export async function signOutOtherDevices(deps: AppDeps, actor: Actor): Promise<void> {
  await deps.database.transaction(async (trx) => {
    await endSessionsOfUserExcept(trx, actor.userId, actor.sessionIdHash);
    await auditDeviceEvent(deps, trx, actor, 'account.devices_signed_out');
  });
}

async function auditDeviceEvent(
  deps: AppDeps,
  trx: Parameters<typeof accounts.findUser>[0],
  actor: Actor,
  action: string,
): Promise<void> {
  const user = await accounts.findUser(trx, actor.clinicId, actor.userId);
  if (user) await auditSecurityEvent(deps, trx, user, action, 'allowed');
}
