import { z } from 'zod';
import { countryCodeSchema } from './countries.js';

export const crisisResourceKinds = ['emergency', 'crisis_line', 'other'] as const;
export type CrisisResourceKind = (typeof crisisResourceKinds)[number];

export const crisisSituations = ['physical_emergency', 'self_harm'] as const;
export type CrisisSituation = (typeof crisisSituations)[number];
export const crisisSituationSchema = z.enum(crisisSituations);

/** A number as people dial it: digits, spaces and hyphens, optionally a leading +. */
const dialable = z
  .string()
  .trim()
  .max(25, 'At most 25 characters')
  .regex(/^\+?\d(?:[\d -]*\d)?$/, 'Digits, spaces and hyphens only (a leading + is allowed)');

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z
  .string()
  .regex(dayPattern, 'A date as YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'Not a real date');

const resourceFields = {
  kind: z.enum(crisisResourceKinds),
  name: z.string().trim().min(1, 'Give the service a name').max(120),
  /** The main number to call. */
  phone: dialable.nullable().default(null),
  /** More numbers for the same service (e.g. TelefonSeelsorge has three). */
  otherPhones: z.array(dialable).max(4, 'At most 4 other numbers').default([]),
  /** The number to text. */
  sms: dialable.nullable().default(null),
  /** A word to send by text (e.g. "HOME" to 741741). */
  smsKeyword: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,20}$/, 'One word, letters and digits only')
    .nullable()
    .default(null),
  web: z
    .string()
    .trim()
    .max(300)
    .regex(/^https:\/\/[^\s]+\.[^\s]+$/, 'A web address starting with https://')
    .nullable()
    .default(null),
  hours: optionalText(100),
  languages: z.array(z.string().trim().min(1).max(40)).max(12, 'At most 12 languages').default([]),
  /** A short instruction, e.g. "Veterans: press 1". */
  note: optionalText(200),
  /** The day someone last checked this entry against its operator. */
  lastVerified: isoDay,
  /** Where the entry comes from. */
  source: optionalText(300),
};

function reachable(r: { phone: string | null; sms: string | null; web: string | null }): boolean {
  return r.phone !== null || r.sms !== null || r.web !== null;
}
const reachableIssue = { error: 'Give a phone number, a number to text or a web address', path: ['phone'] };

export const crisisResourceSchema = z.object(resourceFields).refine(reachable, reachableIssue);
export type CrisisResource = z.output<typeof crisisResourceSchema>;

/** A clinic's own entry: for its own country unless it names another. */
export const clinicCrisisResourceSchema = z
  .object({ ...resourceFields, country: countryCodeSchema })
  .refine(reachable, reachableIssue);
export type ClinicCrisisResource = z.output<typeof clinicCrisisResourceSchema>;

/** What an admin sends: the country may be left out (the clinic's country is meant). */
export const clinicCrisisResourceInputSchema = z
  .object({ ...resourceFields, country: countryCodeSchema.optional() })
  .refine(reachable, reachableIssue);
export type ClinicCrisisResourceInput = z.output<typeof clinicCrisisResourceInputSchema>;

/** The resources one patient is shown, in the order they are shown, and where they came from. */
export const crisisResourceSetSchema = z.object({
  country: z.string(),
  countryName: z.string(),
  situation: crisisSituationSchema,
  /** 'clinic' when the clinic set its own entries for this country; else the built-in defaults. */
  from: z.enum(['clinic', 'defaults']),
  /** No crisis line is known for this country: show the emergency number and the care team. */
  noCrisisLine: z.boolean(),
  /** No emergency number is known for this country either. */
  noEmergencyNumber: z.boolean(),
  resources: z.array(crisisResourceSchema),
});
export type CrisisResourceSet = z.output<typeof crisisResourceSetSchema>;
