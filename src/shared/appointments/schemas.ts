import { z } from 'zod';
import { MAX_OCCURRENCES } from './recurrence.js';
import { roomSchema, telehealthUrlSchema } from '../schedule/fields.js';
import { APPOINTMENTS_MAX } from '../lists/limits.js';

/** Appointment API shapes (issue 6), shared by the server's routes and the web app. */
export const appointmentTypes = ['therapy_session', 'medication_review'] as const;
export const appointmentTypeSchema = z.enum(appointmentTypes);
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

export const appointmentModeSchema = z.enum(['in_person', 'video', 'phone']);
export type AppointmentMode = z.infer<typeof appointmentModeSchema>;

export const appointmentStatusSchema = z.enum(['scheduled', 'attended', 'no_show', 'cancelled']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const cancelledBySchema = z.enum(['patient', 'clinician']);
export type CancelledBy = z.infer<typeof cancelledBySchema>;

export const frequencySchema = z.enum(['weekly', 'fortnightly']);

const daySchema = z.iso.date({ error: 'Choose a day.' });
/** An appointment's length (product policy: 10 minutes to 4 hours); the messages name the range. */
const minutesRange = 'Enter the length in minutes, from 10 to 240.';
const minutesSchema = z
  .number({ error: minutesRange })
  .int(minutesRange)
  .min(10, minutesRange)
  .max(240, minutesRange);
const sessionsRange = `Enter how many sessions, from 2 to ${String(MAX_OCCURRENCES)}.`;
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24 h)');

export const recurrenceSchema = z
  .object({
    frequency: frequencySchema,
    count: z
      .number({ error: sessionsRange })
      .int(sessionsRange)
      .min(2, sessionsRange)
      .max(MAX_OCCURRENCES, sessionsRange)
      .optional(),
    untilDay: daySchema.optional(),
  })
  .refine((r) => (r.count === undefined) !== (r.untilDay === undefined), {
    error: 'Give either a number of sessions or an end date',
  });
export type RecurrenceInput = z.infer<typeof recurrenceSchema>;

export const newAppointmentSchema = z.object({
  /** Made by the client: a retried booking finds the first one (for a series, it is the series id). */
  id: z.uuid(),
  /** Defaults to the caller's own kind (a therapist books sessions, a prescriber reviews). */
  type: appointmentTypeSchema.optional(),
  day: daySchema,
  time: timeSchema,
  durationMinutes: minutesSchema.default(50),
  mode: appointmentModeSchema,
  /** Where (an address or room) or how to join (a video link note); shown to the patient. */
  location: z.string().trim().max(500).nullable().default(null),
  /** Issue 15: the room, and a telehealth link (https only); null when none. */
  room: roomSchema.nullable().default(null),
  telehealthUrl: telehealthUrlSchema.nullable().default(null),
  recurrence: recurrenceSchema.nullable().default(null),
});
export type NewAppointment = z.input<typeof newAppointmentSchema>;

export const editScopeSchema = z.enum(['one', 'this_and_following']);
export type EditScope = z.infer<typeof editScopeSchema>;

export const rescheduleSchema = z.object({
  scope: editScopeSchema.default('one'),
  day: daySchema,
  time: timeSchema,
  durationMinutes: minutesSchema.optional(),
  mode: appointmentModeSchema.optional(),
  location: z.string().trim().max(500).nullable().optional(),
  room: roomSchema.nullable().optional(),
  telehealthUrl: telehealthUrlSchema.nullable().optional(),
});
export type Reschedule = z.input<typeof rescheduleSchema>;

export const cancelSchema = z.object({
  scope: editScopeSchema.default('one'),
  reason: z.string().trim().max(500).nullable().default(null),
});
export type CancelRequest = z.input<typeof cancelSchema>;

export const attendanceUpdateSchema = z.object({ status: z.enum(['attended', 'no_show']) });
export type AttendanceUpdate = z.infer<typeof attendanceUpdateSchema>;

export const appointmentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  seriesId: z.string().nullable(),
  recurrence: z
    .object({
      frequency: frequencySchema,
      count: z.number().nullable(),
      untilDay: z.string().nullable(),
    })
    .nullable(),
  type: appointmentTypeSchema,
  clinicianId: z.string(),
  clinicianName: z.string(),
  mode: appointmentModeSchema,
  /** Local day and time in `timeZone` (the patient's zone when booked). */
  day: z.string(),
  time: z.string(),
  timeZone: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  durationMinutes: z.number(),
  location: z.string().nullable(),
  room: z.string().nullable(),
  telehealthUrl: z.string().nullable(),
  status: appointmentStatusSchema,
  cancelledBy: cancelledBySchema.nullable(),
  /** Cancelled less than the clinic's notice (default 24 h) before the start. */
  cancelledLate: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  statusSetBy: z.string().nullable(),
  statusSetAt: z.number().nullable(),
  version: z.number(),
  createdAt: z.number(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListQuerySchema = z.object({
  when: z.enum(['all', 'upcoming', 'past']).default('all'),
});

export const appointmentListSchema = z.object({
  timeZone: z.string(),
  /** What the clinician may do here: book these types, set attendance on these types. */
  canBook: z.array(appointmentTypeSchema),
  canSetAttendance: z.array(appointmentTypeSchema),
  /** Bounded (issue 19): the coming ones first, then the latest past ones, at most APPOINTMENTS_MAX. */
  appointments: z.array(appointmentSchema).max(APPOINTMENTS_MAX),
  /** True when older past appointments exist than the list holds. */
  hasMore: z.boolean(),
});
export type AppointmentList = z.infer<typeof appointmentListSchema>;

export const bookingResultSchema = z.object({ appointments: z.array(appointmentSchema) });
export type BookingResult = z.infer<typeof bookingResultSchema>;

const tallySchema = z.object({
  attended: z.number(),
  noShow: z.number(),
  lateCancelled: z.number(),
  /** attended ÷ (attended + no-shows + late cancellations by the patient); null when nothing counted. */
  rate: z.number().nullable(),
});
export type AttendanceTally = z.infer<typeof tallySchema>;

export const attendanceSchema = z.object({
  last90Days: tallySchema,
  months: z.array(tallySchema.extend({ month: z.string() })),
  /** Past appointments nobody has marked yet. */
  unmarked: z.number(),
  consecutiveNoShows: z.number(),
});
export type Attendance = z.infer<typeof attendanceSchema>;
