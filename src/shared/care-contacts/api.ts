import { z } from 'zod';
import { monthPattern } from './month.js';
import { CARE_CONTACTS_MAX } from '../lists/limits.js';

/**
 * Care-manager contacts (issue 15): an outreach logged against the patient, reached or not. Limits are
 * product policy: 1 to 240 minutes (a contact longer than four hours is logged as more than one), a note of
 * at most 1000 characters.
 */
export const contactModes = ['phone', 'video', 'message', 'in_person'] as const;
export type ContactMode = (typeof contactModes)[number];
export const contactLimits = { minMinutes: 1, maxMinutes: 240, noteMax: 1000 } as const;

const minutesMessage = `Minutes must be a whole number from ${String(contactLimits.minMinutes)} to ${String(contactLimits.maxMinutes)}.`;

export const contactInputSchema = z.object({
  /** Made by the client, so a retried save stores one contact. */
  id: z.uuid(),
  mode: z.enum(contactModes, { error: 'Choose phone, video, message or in person.' }),
  reached: z.boolean(),
  minutes: z
    .number({ error: minutesMessage })
    .int(minutesMessage)
    .min(contactLimits.minMinutes, minutesMessage)
    .max(contactLimits.maxMinutes, minutesMessage),
  note: z
    .string()
    .max(contactLimits.noteMax, `The note can be at most ${String(contactLimits.noteMax)} characters.`)
    .default(''),
  /** When the contact took place (epoch ms); not in the future. */
  contactedAt: z.number({ error: 'Say when the contact was.' }).int().min(0, 'Say when the contact was.'),
});
export type NewCareContact = z.input<typeof contactInputSchema>;

export const careContactSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  byUserId: z.string(),
  byName: z.string(),
  /** The role of the person who logged it; only care-manager contacts count towards CoCM minutes. */
  byRole: z.string(),
  mode: z.enum(contactModes),
  reached: z.boolean(),
  minutes: z.number(),
  note: z.string(),
  contactedAt: z.number(),
  createdAt: z.number(),
});
export type CareContact = z.infer<typeof careContactSchema>;

const crossedSchema = z.object({ code: z.enum(['G2214', '99492', '99493', '99494']), atMinutes: z.number() });

export const cocmMonthSchema = z.object({
  /** 'YYYY-MM' in the clinic's time zone. */
  month: z.string(),
  minutes: z.number(),
  firstMonth: z.boolean(),
  crossed: z.array(crossedSchema),
  next: crossedSchema.extend({ minutesToGo: z.number() }),
});
export type CocmMonthView = z.infer<typeof cocmMonthSchema>;

export const patientContactsSchema = z.object({
  /** The latest contacts, newest first, at most CARE_CONTACTS_MAX (issue 19). */
  contacts: z.array(careContactSchema).max(CARE_CONTACTS_MAX),
  /** Older contacts exist that are not listed (the month's minutes count them all). */
  hasMore: z.boolean(),
  /** Care-manager minutes this calendar month (clinic time zone) against the CoCM thresholds. */
  thisMonth: cocmMonthSchema,
  clinicTimeZone: z.string(),
});
export type PatientContacts = z.infer<typeof patientContactsSchema>;

export const monthQuerySchema = z.object({
  month: z.string().regex(monthPattern, 'Use a month as YYYY-MM.').optional(),
});

export const minutesRowSchema = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  contacts: z.number(),
  cocm: cocmMonthSchema,
});
export type MinutesRow = z.infer<typeof minutesRowSchema>;

export const minutesReportSchema = z.object({
  month: z.string(),
  clinicTimeZone: z.string(),
  patients: z.array(minutesRowSchema),
});
export type MinutesReport = z.infer<typeof minutesReportSchema>;
