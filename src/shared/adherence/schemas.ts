import { z } from 'zod';
import { timesOfDay } from './adherence.js';

export const rateSchema = z.object({
  taken: z.number().int(),
  scheduled: z.number().int(),
  /** Whole percent, rounded down; null when nothing was scheduled. */
  percent: z.number().int().nullable(),
});

export const windowRateSchema = rateSchema.extend({ days: z.number().int() });

export const medicationAdherenceSchema = z.object({
  medicationId: z.string(),
  name: z.string(),
  /** False once the medication has ended (it still counts in the windows it was taken in). */
  current: z.boolean(),
  windows: z.array(windowRateSchema),
  /** This medication's own figure over the clinic's alert window (issue 11: each one judged on its own). */
  alertWindow: windowRateSchema,
  streaks: z.object({ current: z.number().int(), longest: z.number().int() }),
});

export const adherenceSummarySchema = z.object({
  patientId: z.string(),
  today: z.string(),
  timeZone: z.string(),
  /** The clinic's adherence threshold on doses logged as taken / scheduled (default 80%; not PDC). */
  thresholdPercent: z.number(),
  /** Days with no dose taken of lithium, clozapine or a mood stabiliser that alert (default 3; issue 11). */
  criticalMedicationGapDays: z.number().int(),
  /** The clinic's "missed in a row" alert count (default 3). */
  missedDosesInARow: z.number().int(),
  /** The clinic's alert window (default 14 days) and the rate over it. */
  alertWindow: windowRateSchema,
  overall: z.array(windowRateSchema),
  medications: z.array(medicationAdherenceSchema),
  pattern: z.object({
    /** Over the last 90 days. */
    days: z.number().int(),
    byWeekday: z.array(rateSchema.extend({ weekday: z.number().int().min(1).max(7) })),
    byTimeOfDay: z.array(rateSchema.extend({ timeOfDay: z.enum(timesOfDay) })),
    cells: z.array(rateSchema.extend({ weekday: z.number().int(), timeOfDay: z.enum(timesOfDay) })),
  }),
});
export type AdherenceSummaryDto = z.infer<typeof adherenceSummarySchema>;
export type WindowRate = z.infer<typeof windowRateSchema>;
