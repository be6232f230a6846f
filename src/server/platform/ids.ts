import { randomBytes, createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Ids are UUIDv7 strings made by the app (design §4): sortable by creation time. */
export function newId(): string {
  return uuidv7();
}

/** A secret for links and cookies: 32 random bytes, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak gives no working token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
