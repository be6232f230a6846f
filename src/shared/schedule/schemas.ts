import { z } from 'zod';
import { daysBetween } from '../time/index.js';
import { timeZoneSchema } from '../time/index.js';
import {
  appointmentModeSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
} from '../appointments/schemas.js';

/** Longest range one schedule request may ask for (a month view at most; the web asks for a day or a week). */
export const MAX_SCHEDULE_DAYS = 31;

const day = z.iso.date();

/**
 * `GET /api/schedule?from&to&clinician=` (issue 15): the local days [from, to] in `zone` (the viewer's;
 * default the clinic's), one clinician's appointments (default the caller) or the clinic's (`clinician=all`).
 */
export const scheduleQuerySchema = z
  .object({
    from: day,
    to: day,
    zone: timeZoneSchema.optional(),
    clinician: z.union([z.literal('all'), z.string().min(1).max(64)]).optional(),
  })
  .superRefine((q, ctx) => {
    const span = daysBetween(q.from, q.to);
    if (span < 0)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end day is before the start day.' });
    else if (span >= MAX_SCHEDULE_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${String(MAX_SCHEDULE_DAYS)} days at a time.`,
      });
  });
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

export const scheduleItemSchema = z.object({
  appointmentId: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  type: appointmentTypeSchema,
  mode: appointmentModeSchema,
  status: appointmentStatusSchema,
  room: z.string().nullable(),
  telehealthUrl: z.string().nullable(),
  location: z.string().nullable(),
  clinicianId: z.string(),
  clinicianName: z.string(),
  /**
   * The patient, only when the viewer is on their care team (Duet's access rule); on the clinic's schedule
   * another team's appointment shows as booked time, without whom it is with.
   */
  patient: z
    .object({ id: z.string(), givenName: z.string(), familyName: z.string(), timeZone: z.string() })
    .nullable(),
  /** Starts before 07:00 or ends after 22:00 on the patient's clock (shared/schedule/daytime.ts). */
  outsidePatientDaytime: z.boolean(),
});
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export const scheduleResponseSchema = z.object({
  zone: z.string(),
  from: z.string(),
  to: z.string(),
  clinician: z.union([z.literal('all'), z.string()]),
  clinicians: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  appointments: z.array(scheduleItemSchema),
});
export type ScheduleResponse = z.infer<typeof scheduleResponseSchema>;
