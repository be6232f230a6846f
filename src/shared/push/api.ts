import { z } from 'zod';
import { timeZoneSchema } from '../time/index.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 22:00 (24 hours).');

/** Base64url without padding, as browsers give the subscription's keys (RFC 8291: P-256 point, 16-byte secret). */
const base64url = (what: string, bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `The ${what} is not base64url.`)
    .refine((s) => decodedLength(s) === bytes, `The ${what} must be ${String(bytes)} bytes.`);

/** Bytes a base64url text decodes to (shared code has no Buffer). */
function decodedLength(text: string): number {
  const n = text.replace(/=+$/, '').length;
  return n % 4 === 1 ? -1 : Math.floor((n * 6) / 8);
}

/** The browser's PushSubscription.toJSON(), as the service worker's page sends it. */
export const pushSubscriptionInputSchema = z.object({
  endpoint: z
    .url({ protocol: /^https?$/, error: 'The push endpoint must be a web address.' })
    .max(2048, 'The push endpoint is too long (at most 2048 characters).'),
  expirationTime: z.number().int().nullable().optional(),
  keys: z.object({
    p256dh: base64url('p256dh key', 65),
    auth: base64url('auth secret', 16),
  }),
  /** A name for the device the person recognises ("Chrome on Android"); optional. */
  deviceLabel: z.string().trim().max(120, 'At most 120 characters.').optional(),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInputSchema>;

export const pushSubscriptionSchema = z.object({
  id: z.string(),
  /** The owner's own browser's address at its push service (so a page can tell which one is this device). */
  endpoint: z.string(),
  endpointOrigin: z.string(),
  deviceLabel: z.string().nullable(),
  createdAt: z.number(),
  lastSentAt: z.number().nullable(),
});
export type PushSubscriptionView = z.infer<typeof pushSubscriptionSchema>;

export const pushSubscriptionListSchema = z.object({ subscriptions: z.array(pushSubscriptionSchema) });

export const publicKeySchema = z.object({ publicKey: z.string() });

/** The person's choices; kinds a role cannot have are false and cannot be turned on. */
export const pushPreferencesInputSchema = z.object({
  doses: z.boolean(),
  questionnaires: z.boolean(),
  appointments: z.boolean(),
  replies: z.boolean(),
  urgentAlerts: z.boolean(),
  quietHours: z
    .object({ start: clockTime, end: clockTime })
    .nullable()
    .refine((q) => q === null || q.start !== q.end, {
      error: 'Quiet hours need different start and end times.',
      path: ['end'],
    }),
  timeZone: timeZoneSchema,
});
export type PushPreferencesInput = z.infer<typeof pushPreferencesInputSchema>;

export const pushPreferencesSchema = pushPreferencesInputSchema.extend({
  version: z.number().int(),
  /** The kinds this account can choose (patients: the four reminders; clinicians: urgent alerts). */
  available: z.array(z.enum(['doses', 'questionnaires', 'appointments', 'replies', 'urgentAlerts'])),
});
export type PushPreferences = z.infer<typeof pushPreferencesSchema>;

export const snoozeInputSchema = z.object({
  doseKey: z.string().min(1).max(200),
});
export const snoozeResultSchema = z.object({ snoozedUntil: z.number() });
