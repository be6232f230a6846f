import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';

/** Two-step sign-in and signed-in devices (issue 13): the API's request and answer shapes. */

/** A 6-digit code from the authenticator app, or a recovery code (xxxxx-xxxxx). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, { error: 'Enter the 6-digit code from your app, or a recovery code.' })
  .max(32, { error: 'Enter the 6-digit code from your app, or a recovery code.' });

/** The answer to a right password when the account has two-step sign-in on: no session yet. */
export const secondFactorNeededSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Single use, valid for 5 minutes; only its hash is stored. */
  challenge: z.string(),
  expiresAt: z.number(),
});
export type SecondFactorNeeded = z.infer<typeof secondFactorNeededSchema>;

export const secondFactorRequestSchema = z.object({
  challenge: z.string().min(16).max(128),
  code: secondFactorCodeSchema,
});

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** The clinic requires two-step sign-in of staff and this account is staff. */
  requiredForMe: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

export const twoFactorSetupSchema = z.object({
  /** The key in groups of 4, for typing into an app by hand. */
  key: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI drawn as a QR code (SVG markup made by the server). */
  qrSvg: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;

export const confirmTwoFactorRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Enter the 6-digit code your app shows.' }),
});

/** Shown once: only their hashes are stored. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** Turning two-step sign-in off or making new recovery codes: the password and a current code. */
export const passwordAndCodeRequestSchema = z.object({
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  code: secondFactorCodeSchema,
});

export const signedInDeviceSchema = z.object({
  id: z.string(),
  /** In plain words, e.g. "Firefox on Windows". */
  device: z.string(),
  signedInAt: z.number(),
  lastActiveAt: z.number(),
  approximateAddress: z.string().nullable(),
  thisDevice: z.boolean(),
});
export type SignedInDevice = z.infer<typeof signedInDeviceSchema>;
export const signedInDevicesSchema = z.object({ devices: z.array(signedInDeviceSchema) });
