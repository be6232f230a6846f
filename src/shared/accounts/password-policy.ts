import { commonPasswords } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Returns why a new password is not acceptable, or null when it is. NIST SP 800-63B: length + blocklist, no composition rules. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${String(MIN_PASSWORD_LENGTH)} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${String(MAX_PASSWORD_LENGTH)} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'This password is too common. Choose something less predictable.';
  if (/^(.)\1+$/.test(password)) return 'A password made of one repeated character is too easy to guess.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'Do not use your email address in your password.';
  return null;
}
