import { randomBytes, createHash } from 'node:crypto';
import { authenticator } from 'otplib';

/**
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. A code is accepted
 * for the step before, the current step and the step after (clock drift of a phone), and the caller refuses
 * a step at or before the last one used, so a code works once.
 */
export const STEP_MS = 30_000;
export const ISSUER = 'Duet';
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The 30 s step a code matches at `now` (±1 step), or null. */
export function matchingStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now, window: 1 }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / STEP_MS) + delta;
}

/** The code an authenticator app shows at `now` (tests and the e2e journey compute codes the same way). */
export function codeAt(secret: string, now: number): string {
  return authenticator.clone({ epoch: now }).generate(secret);
}

export function otpauthUri(email: string, secret: string): string {
  return authenticator.keyuri(email, ISSUER, secret);
}

/** The key as a person types it from the screen: groups of 4. */
export function groupedKey(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

export async function qrSvg(uri: string): Promise<string> {
  // qrcode (~0.8 MiB of heap) is loaded at the first enrolment, not by every server and read worker at start.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/l/I), shown as xxxxx-xxxxx.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length] ?? 'a').join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** How a recovery code is compared: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** Stored as a hash bound to the account, so a code of one account is no use to another. */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256')
    .update(`recovery:${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}
