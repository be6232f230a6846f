import { z } from 'zod';
import { crisisResourceSetSchema } from '../crisis/schemas.js';
import { safetyPlanSchema } from '../treatment-plans/schemas.js';
import { alertStateSchema, severitySchema } from './alert.js';

/**
 * "Reach the patient" (issue 12, product policy): what a clinician an urgent alert reached needs to act on
 * it, even off the patient's care team (the on-call clinician, the clinical lead). Limited to that alert
 * while it is not resolved; every read is audited as a read of the patient's record.
 */
export const alertPatientSummarySchema = z.object({
  /** Why the caller may see it: on the care team, or the alert was escalated to them. */
  access: z.enum(['care_team', 'escalated']),
  alert: z.object({
    id: z.string(),
    type: z.string(),
    severity: severitySchema,
    state: alertStateSchema,
    title: z.string(),
    details: z.string(),
    createdAt: z.number(),
  }),
  patient: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    phone: z.string().nullable(),
    email: z.string(),
    birthDate: z.string(),
    /** Whole years today in the patient's time zone; null when the stored birth date is after today. */
    age: z.number().nullable(),
    timeZone: z.string(),
    /** The patient's country (ISO 3166-1 alpha-2), the clinic's when the record has none. */
    country: z.string(),
    countryName: z.string(),
  }),
  careTeam: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string(), email: z.string() })),
  /** The patient's agreed safety plan, or null when there is none (or it is empty). */
  safetyPlan: safetyPlanSchema.nullable(),
  /** The patient's own country's crisis resources for self-harm, crisis line first (shared/crisis). */
  crisis: crisisResourceSetSchema,
});
export type AlertPatientSummary = z.infer<typeof alertPatientSummarySchema>;
