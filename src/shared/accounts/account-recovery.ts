import { z } from 'zod';
import { emailSchema } from './schemas.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';

/**
 * Lifetimes of the one-time links (product policy, issue 13): a password reset link works for 30 minutes
 * (OWASP Forgot Password Cheat Sheet: short-lived, single use); an email confirmation link for 24 hours
 * (people read mail at another address later in the day).
 */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 24 * 3600_000;

/** A one-time token as sent in a link: 32 random bytes, base64url (43 characters). */
export const linkTokenSchema = z.string().min(16).max(128);

export const passwordResetRequestSchema = z.object({ email: emailSchema });

/** The one answer to a reset request, whether or not the email belongs to an account. */
export const passwordResetRequestedSchema = z.object({ message: z.string() });
export const PASSWORD_RESET_REQUESTED =
  'If this email belongs to an active Duet account, we have sent it a link to choose a new password. The link works once, for 30 minutes.';

export const passwordResetCompleteSchema = z.object({
  token: linkTokenSchema,
  password: z.string().max(MAX_PASSWORD_LENGTH),
});
export const passwordResetDoneSchema = z.object({ message: z.string() });

export const emailChangeRequestSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** The sign-in address of an account and, while one waits for confirmation, the new one. */
export const accountEmailSchema = z.object({
  email: z.string(),
  pendingEmail: z.string().nullable(),
  pendingExpiresAt: z.number().nullable(),
});
export type AccountEmail = z.infer<typeof accountEmailSchema>;

export const emailChangeConfirmSchema = z.object({ token: linkTokenSchema });
export const emailChangeConfirmedSchema = z.object({ email: z.string() });
