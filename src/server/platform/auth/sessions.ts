import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { hashToken, newSecretToken } from '../ids.js';
import type { Role } from '../../../shared/access/roles.js';
import type { Actor } from './actor.js';
import * as repo from './sessions.repository.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

// Writing last_seen_at on every request would turn every read into a write; a minute of slack is harmless
// against a 30-minute idle limit.
const TOUCH_EVERY_MS = 60 * 1000;

/** Where a session was opened (issue 13, signed-in devices), and whether it may only set up two-step sign-in. */
export interface SessionDevice {
  userAgent?: string | undefined;
  address?: string | undefined;
  twoFactorSetupRequired?: boolean;
}

/** Keeps only the network part of an address (IPv4 /24, IPv6 /48): the device list says "near", not "who". */
export function approximateAddress(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(address);
  if (v4?.[1]) return `${v4[1]}.x`;
  if (address.includes(':')) return `${address.split(':').slice(0, 3).join(':')}:…`;
  return 'unknown';
}

export async function startSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  user: { id: string; clinicId: string },
  device: SessionDevice = {},
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = clock.now();
  await repo.insertSession(db, {
    id_hash: hashToken(token),
    user_id: user.id,
    clinic_id: user.clinicId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: now + policy.absoluteMs,
    user_agent: device.userAgent?.slice(0, 512) ?? null,
    client_address: device.address === undefined ? null : approximateAddress(device.address),
    two_factor_setup_required: device.twoFactorSetupRequired ? 1 : 0,
  });
  return { token, csrfToken };
}

/**
 * The actor behind a session cookie, given the cookie's hash (`hashToken`; the request hashes it once, for the
 * rate limit's key and this), or null when the session is unknown, idle too long, too old, or the account is
 * not active.
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  idHash: string,
): Promise<Actor | null> {
  return actorOfSession(db, clock, policy, idHash, await repo.findSession(db, idHash));
}

/**
 * The same, on a patient's route: with whether the account is on that patient's care team, read in the same
 * statement (issue 19, eighth session: one round trip fewer per patient request on PostgreSQL). `onTeam` is the
 * care-team membership alone; whether the actor reaches the record stays the gate's decision.
 */
export async function resolveSessionOnPatient(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  idHash: string,
  patientId: string,
): Promise<{ actor: Actor | null; onTeam: boolean }> {
  const row = await repo.findSessionOnPatient(db, idHash, patientId);
  const actor = await actorOfSession(db, clock, policy, idHash, row);
  return { actor, onTeam: actor !== null && row?.on_team === true };
}

async function actorOfSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  idHash: string,
  row: repo.SessionWithUser | undefined,
): Promise<Actor | null> {
  if (!row) return null;
  const now = clock.now();
  const expired = row.expires_at <= now || row.last_seen_at + policy.idleMs <= now;
  if (expired || row.status !== 'active') {
    await repo.deleteSession(db, idHash);
    return null;
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) await repo.touchSession(db, idHash, now);
  return {
    userId: row.user_id,
    role: row.role as Role,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    sessionIdHash: idHash,
    csrfToken: row.csrf_token,
    ...(row.two_factor_setup_required ? { twoFactorSetupRequired: true } : {}),
  };
}

export const endSession = repo.deleteSession;
export const endAllSessionsOfUser = repo.deleteSessionsOfUser;
export const purgeExpiredSessions = repo.deleteExpiredSessions;
export const listSessionsOfUser = repo.listSessionsOfUser;
export const endSessionsOfUserExcept = repo.deleteSessionsOfUserExcept;
export const liftTwoFactorSetupRequirement = repo.liftTwoFactorSetupRequirement;
