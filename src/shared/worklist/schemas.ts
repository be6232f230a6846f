import { z } from 'zod';
import { timeZoneSchema } from '../time/index.js';
import { severitySchema } from '../alerts/alert.js';
import { registryFlags } from '../registry/flags.js';
import { registryStatuses } from '../registry/status.js';
import { careTeamVacancySchema } from '../patients/vacancy.js';
import {
  appointmentModeSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
} from '../appointments/schemas.js';

/**
 * The caseload worklist (issue 15): one row per patient whose care team the viewer is on, with what a clinic
 * day needs at a glance. One request per page load; the web app sorts and filters the rows with
 * `arrangeWorklist` (./arrange.ts) without asking again.
 */
export const worklistQuerySchema = z.object({
  /** The viewer's time zone (the browser's): "today" and times are theirs. Default: the clinic's zone. */
  zone: timeZoneSchema.optional(),
});
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

export const worklistAppointmentSchema = z.object({
  id: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  /** The zone it was booked in (the patient's when booked). */
  timeZone: z.string(),
  type: appointmentTypeSchema,
  mode: appointmentModeSchema,
  status: appointmentStatusSchema,
  clinicianId: z.string(),
  clinicianName: z.string(),
});
export type WorklistAppointment = z.infer<typeof worklistAppointmentSchema>;

export const scoreTrendSchema = z.object({
  latest: z.number(),
  latestDay: z.string(),
  /** The scored answer before the latest one; null when the latest is the only one. */
  previous: z.number().nullable(),
  /** Direction of the latest against the previous total (lower is better on both questionnaires). */
  direction: z.enum(['up', 'down', 'same']).nullable(),
});
export type ScoreTrend = z.infer<typeof scoreTrendSchema>;

export const worklistRowSchema = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  /** The patient's own zone, to show their local time beside the viewer's. */
  patientTimeZone: z.string(),
  myRoles: z.array(z.string()),
  nextAppointment: worklistAppointmentSchema.nullable(),
  /** The viewer's own appointments with the patient on the viewer's today (not cancelled), earliest first. */
  today: z.array(worklistAppointmentSchema),
  phq9: scoreTrendSchema.nullable(),
  gad7: scoreTrendSchema.nullable(),
  status: z.enum(registryStatuses),
  flags: z.array(z.enum(registryFlags)),
  /** Doses taken / scheduled over the clinic's adherence window (14 days by default); null with none. */
  adherence: z
    .object({ percent: z.number().nullable(), taken: z.number(), scheduled: z.number(), days: z.number() })
    .nullable(),
  openAlerts: z.object({
    urgent: z.number(),
    high: z.number(),
    routine: z.number(),
    total: z.number(),
    mostSevere: severitySchema.nullable(),
  }),
  /** Messages by others in the patient's conversations the viewer has not read. */
  unreadMessages: z.number(),
  /** Completed practice entries the viewer may read, from the last 14 days, nobody has commented on yet. */
  practiceToReview: z.number(),
  /** The registry's "needs attention first" tier (0 = most urgent). */
  attentionTier: z.number(),
  /** Roles a departing clinician left empty with a reason, until someone takes them (issue 15). */
  vacancies: z.array(careTeamVacancySchema.pick({ role: true, since: true, reason: true })),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistResponseSchema = z.object({
  zone: z.string(),
  /** The viewer's local date (YYYY-MM-DD) the "today" columns are about. */
  today: z.string(),
  patients: z.array(worklistRowSchema),
});
export type WorklistResponse = z.infer<typeof worklistResponseSchema>;
