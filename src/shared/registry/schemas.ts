import { z } from 'zod';
import { registryFlags } from './flags.js';
import { registryStatuses } from './status.js';

const score = z.object({ total: z.number(), at: z.number(), day: z.string() });
export const measureSummarySchema = z.object({
  baseline: score.nullable(),
  latest: score.nullable(),
  /** Fall from baseline in percent (positive = better), null without a follow-up or with baseline 0. */
  changePercent: z.number().nullable(),
  count: z.number(),
});
export type MeasureSummary = z.infer<typeof measureSummarySchema>;

export const registryRowSchema = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  myRoles: z.array(z.string()),
  /** Earlier of the baseline PHQ-9 and the first agreed treatment plan (YYYY-MM-DD), null when neither. */
  treatmentStart: z.string().nullable(),
  weeksInTreatment: z.number().nullable(),
  phq9: measureSummarySchema,
  gad7: measureSummarySchema,
  status: z.enum(registryStatuses),
  lastClinicianContactAt: z.number().nullable(),
  nextMeasureDue: z.string().nullable(),
  /** Doses taken / scheduled over the adherence alert window (issue 4); null with no scheduled doses. */
  adherence: z
    .object({ percent: z.number().nullable(), taken: z.number(), scheduled: z.number(), days: z.number() })
    .nullable(),
  openAlerts: z.object({ urgent: z.number(), high: z.number(), routine: z.number(), total: z.number() }),
  flags: z.array(z.enum(registryFlags)),
  markedForCaseReview: z.boolean(),
  /** Position in the "needs attention first" order (0 = most urgent tier). */
  attentionTier: z.number(),
});
export type RegistryRow = z.infer<typeof registryRowSchema>;

export const registrySortKeys = [
  'attention',
  'name',
  'weeks',
  'phq9',
  'gad7',
  'change',
  'lastContact',
  'nextDue',
  'adherence',
] as const;
export type RegistrySortKey = (typeof registrySortKeys)[number];

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(300)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)));

export const registryQuerySchema = z.object({
  scope: z.enum(['mine', 'all']).optional(),
  sort: z.enum(registrySortKeys).default('attention'),
  order: z.enum(['asc', 'desc']).optional(),
  /** Comma-separated statuses to keep, e.g. "not_improving,worsening". */
  status: csv(registryStatuses).optional(),
  /** Comma-separated flags; a patient is kept when it has any of them. */
  flag: csv(registryFlags).optional(),
  /** Part of the patient's name. */
  q: z.string().trim().max(100).optional(),
});
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

export const registryResponseSchema = z.object({
  scope: z.enum(['mine', 'all']),
  total: z.number(),
  patients: z.array(registryRowSchema),
});
export type RegistryResponse = z.infer<typeof registryResponseSchema>;
