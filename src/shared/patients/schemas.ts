import { timeZoneSchema } from '../time/index.js';
import { z } from 'zod';
import { careTeamRoleSchema, roleSchema } from '../access/roles.js';
import { emailSchema, accountStatusSchema } from '../accounts/schemas.js';
import { isRealCalendarDay } from './validation.js';
import { countryCodeSchema } from '../crisis/countries.js';
import { careTeamVacancySchema } from './vacancy.js';

/** A date of birth: a real calendar day from 1900 on (the service also refuses a day after today). */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine((day) => day >= '1900-01-01', {
    error: 'The date of birth must be in 1900 or later.',
    abort: true,
  })
  .refine((day) => day < '2100-01-01', { error: 'The date of birth cannot be in the future.', abort: true })
  .refine(isRealCalendarDay, 'Enter a real date: this day does not exist in the calendar.');

export { timeZoneSchema };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${String(max)} characters.`)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const patientDetailsSchema = z.object({
  givenName: z.string().trim().min(1, 'Enter the given name.').max(100, 'Use at most 100 characters.'),
  familyName: z.string().trim().min(1, 'Enter the family name.').max(100, 'Use at most 100 characters.'),
  birthDate: calendarDaySchema,
  email: emailSchema,
  phone: optionalText(40).refine(
    (v) => v === null || /^[+0-9 ()./-]{5,40}$/.test(v),
    'Enter a phone number using digits, spaces and + ( ) - only.',
  ),
  timeZone: timeZoneSchema,
  medicalRecordNumber: optionalText(64),
  /** Where the patient lives (ISO 3166-1 alpha-2): chooses their crisis numbers. Null = the clinic's country. */
  country: countryCodeSchema.nullable(),
});
export type PatientDetails = z.infer<typeof patientDetailsSchema>;

export const careTeamAssignmentSchema = z.object({
  userId: z.string().min(1).max(64),
  role: careTeamRoleSchema,
});

export const careTeamAssignmentListSchema = z
  .array(careTeamAssignmentSchema)
  .min(1, 'A care team needs at least one member.')
  .max(20)
  .refine(
    (list) => new Set(list.map((m) => `${m.userId}:${m.role}`)).size === list.length,
    'The same person is listed twice in the same role.',
  );

export const newPatientSchema = patientDetailsSchema.extend({
  phone: patientDetailsSchema.shape.phone.optional().default(null),
  medicalRecordNumber: patientDetailsSchema.shape.medicalRecordNumber.optional().default(null),
  country: patientDetailsSchema.shape.country.optional().default(null),
  careTeam: careTeamAssignmentListSchema,
});

export const patientUpdateSchema = patientDetailsSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change.');

export const careTeamUpdateSchema = z.object({ members: careTeamAssignmentListSchema });

export const careTeamMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: careTeamRoleSchema,
  addedAt: z.number(),
});

export const patientOverviewSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  medicalRecordNumber: z.string().nullable(),
  country: z.string().nullable(),
  version: z.number(),
  careTeamVersion: z.number(),
  account: accountStatusSchema,
  /** A new address waiting for the patient's confirmation (issue 13); `email` stays the one in use until then. */
  pendingEmail: z.string().nullable(),
  careTeam: z.array(careTeamMemberSchema),
  /** Roles a departing clinician left empty with a reason (issue 15); staff only, a patient's own view has none. */
  vacancies: z.array(careTeamVacancySchema),
  createdAt: z.number(),
});
export type PatientOverview = z.infer<typeof patientOverviewSchema>;

export const caseloadEntrySchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  timeZone: z.string(),
  medicalRecordNumber: z.string().nullable(),
  myRoles: z.array(careTeamRoleSchema),
  careTeam: z.array(careTeamMemberSchema),
  enrolledAt: z.number(),
});
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;
/** The caseload's answer (`GET /api/patients`). */
export const caseloadResponseSchema = z.object({ patients: z.array(caseloadEntrySchema) });
export type CaseloadResponse = z.infer<typeof caseloadResponseSchema>;

export const careTeamChangeSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: careTeamRoleSchema,
  change: z.enum(['added', 'removed']),
  byUserId: z.string(),
  byName: z.string(),
  at: z.number(),
  /** A departure's "leave unassigned" reason (issue 15); null for an ordinary change. */
  reason: z.string().nullable(),
});

export const accessEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  who: z.string(),
  whoRole: roleSchema,
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
});
