import { z } from 'zod';
import { TODAY_AS_NEEDED_LOGS_MAX } from './today.js';
import { skipReasons } from './rules.js';
import { listLimitSchema } from '../lists/limit-query.js';
import { SUPPLIES_MAX } from '../lists/limits.js';

// API shapes of the patient's dose side: Today, dose logs, supplies and refill forecast, reminder
// choices and the private calendar feed.

export const skipReasonSchema = z.enum(skipReasons);
export const doseStatusSchema = z.enum(['taken', 'skipped']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');
const note = z.string().trim().max(500);

export const newDoseLogSchema = z
  .object({
    /** Made by the phone: a retry with the same id returns the first log. */
    id: z.uuid('Send a UUID made by the client.'),
    medicationId: z.string().min(1).max(64),
    /** The scheduled dose (from Today); omit for an as-needed dose. */
    doseKey: z.string().min(1).max(120).nullable().default(null),
    status: doseStatusSchema,
    /** When it was taken (epoch ms); defaults to now. Only for "taken". */
    takenAt: z.number().int().positive().optional(),
    skipReason: skipReasonSchema.optional(),
    /** Free text: the "other" reason, or why an as-needed dose was taken. */
    note: note.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'skipped' && v.skipReason === undefined)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'Say why the dose was skipped.' });
    if (v.status === 'taken' && v.skipReason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'Only a skipped dose has a reason.' });
    if (v.status === 'skipped' && v.takenAt !== undefined)
      ctx.addIssue({ code: 'custom', path: ['takenAt'], message: 'A skipped dose has no time taken.' });
    if (v.doseKey === null && v.status === 'skipped')
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'An as-needed dose is only logged when taken.',
      });
  });
export type NewDoseLog = z.input<typeof newDoseLogSchema>;
export type NewDoseLogParsed = z.output<typeof newDoseLogSchema>;

export const doseCorrectionSchema = z
  .object({
    status: doseStatusSchema,
    takenAt: z.number().int().positive().optional(),
    skipReason: skipReasonSchema.optional(),
    note: note.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'skipped' && v.skipReason === undefined)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'Say why the dose was skipped.' });
    if (v.status === 'taken' && v.skipReason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'Only a skipped dose has a reason.' });
  });
export type DoseCorrection = z.infer<typeof doseCorrectionSchema>;

export const doseLogSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  medicationId: z.string(),
  doseKey: z.string().nullable(),
  status: doseStatusSchema,
  skipReason: skipReasonSchema.nullable(),
  note: z.string().nullable(),
  takenAt: z.number().nullable(),
  scheduledFor: z.number().nullable(),
  localDate: z.string(),
  doseAmount: z.number(),
  doseUnit: z.string(),
  asNeeded: z.boolean(),
  lateEntry: z.boolean(),
  loggedBy: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Until when it may be corrected (48 h after it was logged). */
  correctableUntil: z.number(),
  version: z.number(),
});
export type DoseLog = z.infer<typeof doseLogSchema>;

export const logResultSchema = z.object({
  log: doseLogSchema,
  /** As needed only: logged above the prescribed maximum for the day (recorded, with a warning). */
  aboveMaxPerDay: z.boolean(),
  warning: z.string().nullable(),
});
export type LogResult = z.infer<typeof logResultSchema>;

export const todayDoseSchema = z.object({
  doseKey: z.string(),
  medicationId: z.string(),
  name: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  dueAt: z.number(),
  doseAmount: z.number(),
  doseUnit: z.string(),
  state: z.enum(['due', 'taken', 'skipped']),
  /** Due within the last 2 hours or the next 30 minutes and not yet logged (the in-app reminder). */
  dueNow: z.boolean(),
  log: doseLogSchema.nullable(),
});
export type TodayDose = z.infer<typeof todayDoseSchema>;

export const asNeededTodaySchema = z.object({
  medicationId: z.string(),
  name: z.string(),
  doseAmount: z.number(),
  doseUnit: z.string(),
  maxPerDay: z.number(),
  countToday: z.number(),
  /** The latest logs of the day, at most TODAY_AS_NEEDED_LOGS_MAX (issue 19), oldest first. */
  logs: z.array(doseLogSchema).max(TODAY_AS_NEEDED_LOGS_MAX),
  /** Earlier logs of the day exist that are not listed (countToday counts them all). */
  hasMoreLogs: z.boolean(),
});
export type AsNeededToday = z.infer<typeof asNeededTodaySchema>;

export const refillForecastSchema = z.object({
  medicationId: z.string(),
  name: z.string(),
  supplyId: z.string(),
  quantity: z.number(),
  unitStrength: z.number().nullable(),
  countedOn: z.string(),
  /** Supply units left at the start of today, by the schedule (not by what was logged). */
  unitsLeftToday: z.number(),
  /** The first day the supply cannot cover; null when it lasts beyond the forecast horizon. */
  runsOutOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  /** As-needed medications are forecast at their maximum per day: the earliest they could run out. */
  basis: z.enum(['schedule', 'as_needed_max', 'no_doses']),
  lowSupply: z.boolean(),
  recordedBy: z.string(),
  createdAt: z.number(),
});
export type RefillForecast = z.infer<typeof refillForecastSchema>;

export const todaySchema = z.object({
  today: z.string(),
  timeZone: z.string(),
  now: z.number(),
  doses: z.array(todayDoseSchema),
  asNeeded: z.array(asNeededTodaySchema),
  /** Supplies that run out within 7 days (shown in the app). */
  lowSupplies: z.array(refillForecastSchema),
  reminders: z.object({ inApp: z.boolean() }),
});
export type Today = z.infer<typeof todaySchema>;

export const doseLogListQuerySchema = z.object({ from: day, to: day });
export const doseLogListSchema = z.object({ logs: z.array(doseLogSchema) });

export const newSupplySchema = z.object({
  id: z.uuid('Send a UUID made by the client.'),
  medicationId: z.string().min(1).max(64),
  /** Units on hand (tablets, capsules, mL, or doses). */
  quantity: z.number().positive().max(100_000),
  /** How much of the dose unit one supply unit holds (50 for a 50 mg tablet); omit: one unit per dose. */
  unitStrength: z.number().positive().max(100_000).nullable().default(null),
  /** The day it was counted; defaults to today in the patient's zone. */
  countedOn: day.optional(),
});
export type NewSupply = z.input<typeof newSupplySchema>;
/**
 * Bounded (issue 19): at most `limit` forecasts, every current medication's kept first, then those of the
 * medications that ended latest; `hasMore` when some were left out. Listed by name, as always.
 */
export const supplyListSchema = z.object({ supplies: z.array(refillForecastSchema), hasMore: z.boolean() });
export const supplyListQuerySchema = z.object({ limit: listLimitSchema(SUPPLIES_MAX) });

export const reminderSettingsSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  /** Calendar feed events name the medication (off by default: "Medication reminder"). */
  calendarShowNames: z.boolean(),
  version: z.number(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export const reminderSettingsInputSchema = reminderSettingsSchema.omit({ version: true });

export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.number().nullable(),
});
export const calendarFeedCreatedSchema = z.object({
  active: z.literal(true),
  createdAt: z.number(),
  /** Shown once: only the token's hash is stored, so a lost URL is replaced by a reset. */
  url: z.string(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;
