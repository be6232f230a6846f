import { z } from 'zod';
import { roleSchema } from '../access/roles.js';

/**
 * The access report ("who has seen my record", issue 13 V4): one line per person, kind of action and local day
 * (the patient's time zone), with a count and the first and last time; refused attempts summarised apart, one
 * line per person and day, so a flood of refusals never pushes a real read out of view. Paged by whole days,
 * newest first; the individual times of a line on demand.
 */
export const accessLineSchema = z.object({
  /** Who, to ask for this line's times (with `action` and the day). */
  actorId: z.string(),
  who: z.string(),
  whoRole: roleSchema,
  /** The audit action, to ask for this line's times; `words` says it in plain language. */
  action: z.string(),
  words: z.string(),
  count: z.number().int(),
  firstAt: z.number(),
  lastAt: z.number(),
});
export type AccessLine = z.infer<typeof accessLineSchema>;

export const refusalLineSchema = z.object({
  actorId: z.string(),
  who: z.string(),
  whoRole: roleSchema,
  words: z.string(),
  count: z.number().int(),
  firstAt: z.number(),
  lastAt: z.number(),
});
export type RefusalLine = z.infer<typeof refusalLineSchema>;

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

export const accessDaySchema = z.object({
  /** The local day, YYYY-MM-DD, in the patient's time zone. */
  day: daySchema,
  reads: z.array(accessLineSchema),
  refusals: z.array(refusalLineSchema),
});
export type AccessDay = z.infer<typeof accessDaySchema>;

export const accessReportSchema = z.object({
  timeZone: z.string(),
  days: z.array(accessDaySchema),
  /** Pass as `before` for the next, older page; null when there is nothing older. */
  nextCursor: z.string().nullable(),
});
export type AccessReport = z.infer<typeof accessReportSchema>;

const cursorSchema = z.string().regex(/^\d{1,15}$/, 'Use the nextCursor of the previous page.');

export const accessReportQuerySchema = z.object({ before: cursorSchema.optional() });

export const accessTimesQuerySchema = z.object({
  day: daySchema,
  actorId: z.string().min(1).max(64),
  outcome: z.enum(['allowed', 'denied']),
  /** For a line of reads; a refusal line covers every action the person tried. */
  action: z.string().min(1).max(100).optional(),
  before: cursorSchema.optional(),
});
export type AccessTimesQuery = z.infer<typeof accessTimesQuerySchema>;

export const accessTimesSchema = z.object({
  times: z.array(z.object({ at: z.number(), words: z.string() })),
  /** Pass as `before` for the earlier times of the same line; null when all were shown. */
  nextCursor: z.string().nullable(),
});
export type AccessTimes = z.infer<typeof accessTimesSchema>;
