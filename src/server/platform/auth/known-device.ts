import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { hashToken, newSecretToken } from '../ids.js';
import * as repo from './known-device.repository.js';

/**
 * A "known device" (issue 13): a long-lived, httpOnly cookie set on each successful sign-in, bound to the
 * account. It lets the owner sign in while the account-wide delay holds (an attack on the account from
 * elsewhere); the per account + client and per client limits still apply. The cookie is a random token of
 * which the server keeps only the hash (like sessions), so it is bound to one account, can be revoked, and
 * cannot be forged without the database; a new sign-in replaces it.
 */
export const KNOWN_DEVICE_COOKIE = 'duet_device';
export const KNOWN_DEVICE_DAYS = 180;
const LIFETIME_MS = KNOWN_DEVICE_DAYS * 24 * 60 * 60_000;

/** Whether the cookie is a live known device of this account. */
export async function isKnownDevice(
  db: Db,
  clock: Clock,
  token: string | undefined,
  userId: string | undefined,
): Promise<boolean> {
  if (!token || !userId) return false;
  const row = await repo.findKnownDevice(db, hashToken(token));
  return row !== undefined && row.user_id === userId && row.expires_at > clock.now();
}

/** Remembers this browser for the account (replacing the token it carried, if any); answers the new token. */
export async function rememberDevice(
  db: Db,
  clock: Clock,
  user: { id: string; clinicId: string },
  previousToken: string | undefined,
): Promise<string> {
  if (previousToken) await repo.deleteKnownDevice(db, hashToken(previousToken));
  const token = newSecretToken();
  const now = clock.now();
  await repo.insertKnownDevice(db, {
    token_hash: hashToken(token),
    clinic_id: user.clinicId,
    user_id: user.id,
    created_at: now,
    expires_at: now + LIFETIME_MS,
  });
  return token;
}

export function setKnownDeviceCookie(reply: FastifyReply, secure: boolean, token: string): void {
  void reply.setCookie(KNOWN_DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/api/auth',
    maxAge: Math.floor(LIFETIME_MS / 1000),
  });
}

/** Expired known devices carry no information any more. */
export const purgeExpiredKnownDevices = repo.deleteExpiredKnownDevices;
