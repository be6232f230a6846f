import { z } from 'zod';
import { listLimitSchema } from '../lists/limit-query.js';
import { MEDICATIONS_MAX } from '../lists/limits.js';
import { monitoringPrograms, monitoringTestCodes } from './monitoring.js';
import {
  answeredWarningSchema,
  catalogueSafetySchema,
  monitoringAnswerSchema,
  overMaximumRecordSchema,
  prescribingSafetyFields,
  safetyChangeMarkSchema,
} from '../medication-safety/prescribing-schemas.js';
import { labInterpretationSchema, labProfileSchema } from '../medication-safety/lab-schemas.js';

// API shapes of the medications feature (issue 4): catalogue, a patient's medication records, their changes,
// titration/taper steps and monitoring.

const dayValid = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.')
  .refine(dayValid, 'Not a real date.');
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24 hours).');
const text = (max: number) => z.string().trim().max(max);
const reasonSchema = z.string().trim().min(1, 'Give a reason for this change.').max(1000);

export const weekdaySchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
]);

export const doseScheduleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('times'),
    times: z.array(timeSchema).min(1, 'Add at least one time.').max(12),
    weekdays: z.array(weekdaySchema).min(1, 'Choose at least one day.').max(7).nullable(),
  }),
  z.object({
    kind: z.literal('every_n_hours'),
    everyHours: z.number().int().min(1).max(72),
    firstTime: timeSchema,
  }),
  z.object({ kind: z.literal('as_needed'), maxPerDay: z.number().int().min(1).max(24) }),
]);

export const doseSchema = {
  doseAmount: z
    .number({ error: 'Enter the dose.' })
    .positive('The dose must be above 0.')
    .max(100000, 'The dose must be 100,000 or less.'),
  doseUnit: z.string().trim().min(1).max(20),
};

export const periodSchema = z.object({
  from: daySchema,
  doseAmount: z.number(),
  doseUnit: z.string(),
  schedule: doseScheduleSchema,
  paused: z.boolean(),
  scheduleText: z.string(),
  /** The prescriber's reason for a dose above the label maximum (issue 11), shown beside the dose. */
  overMaximumReason: z.string().nullable().optional(),
});
export type PeriodView = z.infer<typeof periodSchema>;

export const medicationStatusSchema = z.enum(['active', 'paused', 'stopped']);
export const changeKindSchema = z.enum([
  'started',
  'dose_changed',
  'schedule_changed',
  'titration_planned',
  'paused',
  'resumed',
  'stopped',
  'details_changed',
]);
export type ChangeKind = z.infer<typeof changeKindSchema>;

// ---- catalogue ----
export const catalogueEntrySchema = z.object({
  id: z.string(),
  genericName: z.string(),
  drugClass: z.string(),
  drugGroup: z.string(),
  rxnormCode: z.string().nullable(),
  rxnormSource: z.string(),
  rxnormVerified: z.boolean(),
  monitoring: z.string(),
  notes: z.string(),
  urgentSymptoms: z.array(z.string()),
  guideClass: z.string(),
  monitoringPrograms: z.array(z.string()),
  /** Dose limits and interaction classes (issue 11); null when the entry has none. */
  safety: catalogueSafetySchema.nullable(),
  /** Safety values this clinic changed from Duet's starting data, with who and when. */
  safetyChanges: z.array(safetyChangeMarkSchema),
  active: z.boolean(),
  version: z.number(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export const catalogueListSchema = z.object({ entries: z.array(catalogueEntrySchema) });
export const catalogueQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const catalogueInputSchema = z.object({
  genericName: z.string().trim().min(1).max(120),
  drugClass: text(120),
  drugGroup: text(120),
  rxnormCode: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'An RxNorm code is digits only.')
    .nullable(),
  rxnormSource: text(200),
  /** Set by the admin only when they checked the code against RxNorm themselves. */
  rxnormVerified: z.boolean(),
  monitoring: text(500),
  notes: text(1000),
  urgentSymptoms: z.array(z.string().trim().min(1).max(40)).max(20),
  guideClass: text(60),
  monitoringPrograms: z.array(z.enum(monitoringPrograms)).max(4),
  /** Left out: the safety data stays as it is. */
  safety: catalogueSafetySchema.nullable().optional(),
  active: z.boolean(),
});
export type CatalogueInput = z.infer<typeof catalogueInputSchema>;

// ---- a patient's medication ----
export const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const medicationSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  catalogueId: z.string().nullable(),
  name: z.string(),
  drugClass: z.string().nullable(),
  /** True when recorded by name only (not in the clinic's catalogue). */
  freeText: z.boolean(),
  form: z.string(),
  route: z.string(),
  instructions: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: medicationStatusSchema,
  prescribedBy: personRefSchema,
  /** The period in effect today in the patient's zone (null before the start or after the end). */
  current: periodSchema.nullable(),
  /** Titration/taper steps and planned pauses after today: shown to the patient in advance. */
  upcoming: z.array(periodSchema),
  periods: z.array(periodSchema),
  monitoringPrograms: z.array(z.string()),
  guideClass: z.string().nullable(),
  urgentSymptoms: z.array(z.string()),
  /** For a medicine Duet does not know: the prescriber's answer to "does it need monitoring?". */
  monitoringAnswer: monitoringAnswerSchema.nullable().optional(),
  version: z.number(),
});
export type Medication = z.infer<typeof medicationSchema>;

export const medicationChangeSchema = z.object({
  id: z.string(),
  medicationId: z.string(),
  kind: changeKindSchema,
  summary: z.string(),
  reason: z.string(),
  effectiveOn: z.string(),
  changedBy: personRefSchema,
  changedAt: z.number(),
  sideEffectReportId: z.string().nullable(),
  /** Issue 11: the reason for going above the maximum, and the answer to each safety warning. */
  overMaximum: overMaximumRecordSchema.nullable().optional(),
  safetyAnswers: z.array(answeredWarningSchema).optional(),
});
export type MedicationChange = z.infer<typeof medicationChangeSchema>;

/** Bounded (issue 19): every current medication, then the latest stopped ones, at most `limit`; `hasMore` when cut. */
export const medicationListSchema = z.object({
  today: z.string(),
  timeZone: z.string(),
  medications: z.array(medicationSchema),
  hasMore: z.boolean(),
});
export const medicationListQuerySchema = z.object({ limit: listLimitSchema(MEDICATIONS_MAX) });
export type MedicationList = z.infer<typeof medicationListSchema>;

export const medicationDetailSchema = z.object({
  today: z.string(),
  medication: medicationSchema,
  changes: z.array(medicationChangeSchema),
});
export type MedicationDetail = z.infer<typeof medicationDetailSchema>;

export const stepInputSchema = z.object({
  from: daySchema,
  ...doseSchema,
  /** Defaults to the schedule in effect just before the step. */
  schedule: doseScheduleSchema.optional(),
});
export type StepInput = z.infer<typeof stepInputSchema>;

export const startMedicationSchema = z
  .object({
    /** Made by the client: a retry with the same id returns the first record, never a second one. */
    id: z.uuid('Send a UUID made by the client.'),
    catalogueId: z.string().min(1).max(64).nullable(),
    /** Required when not from the catalogue; otherwise defaults to the catalogue name. */
    name: z.string().trim().max(120).optional(),
    form: z.string().trim().min(1).max(60),
    route: z.string().trim().min(1).max(60),
    instructions: text(2000),
    startDate: daySchema,
    endDate: daySchema.nullable(),
    ...doseSchema,
    schedule: doseScheduleSchema,
    reason: reasonSchema,
    /** Titration steps planned at the start ("100 mg from day 15"). */
    steps: z.array(stepInputSchema).max(20).default([]),
    ...prescribingSafetyFields,
    /** Required when the name is not a catalogue medicine, brand or salt (issue 11). */
    monitoringAnswer: monitoringAnswerSchema.nullable().optional(),
  })
  .refine((v) => v.catalogueId !== null || (v.name ?? '').length > 0, {
    error: 'Name the medication or choose it from the catalogue.',
    path: ['name'],
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, {
    error: 'The end date is before the start date.',
    path: ['endDate'],
  })
  .refine((v) => v.steps.every((s) => s.from > v.startDate), {
    error: 'Each step starts after the start date.',
    path: ['steps'],
  });
export type StartMedicationInput = z.input<typeof startMedicationSchema>;
export type StartMedication = z.infer<typeof startMedicationSchema>;

const answersReport = { sideEffectReportId: z.string().min(1).max(64).nullable().default(null) };

/** One change to a medication; every change has a reason and an effective day. */
export const medicationChangeInputSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('change_dose'),
    effectiveOn: daySchema,
    ...doseSchema,
    schedule: doseScheduleSchema,
    reason: reasonSchema,
    ...answersReport,
    ...prescribingSafetyFields,
  }),
  z.object({
    action: z.literal('plan_steps'),
    steps: z.array(stepInputSchema).min(1, 'Add at least one step.').max(20),
    reason: reasonSchema,
    ...answersReport,
    ...prescribingSafetyFields,
  }),
  z.object({ action: z.literal('pause'), effectiveOn: daySchema, reason: reasonSchema, ...answersReport }),
  z.object({ action: z.literal('resume'), effectiveOn: daySchema, reason: reasonSchema, ...answersReport }),
  z.object({
    action: z.literal('stop'),
    /** Last day the medication is taken. */
    lastDay: daySchema,
    reason: reasonSchema,
    ...answersReport,
  }),
  z.object({
    action: z.literal('edit_details'),
    form: z.string().trim().min(1).max(60),
    route: z.string().trim().min(1).max(60),
    instructions: text(2000),
    endDate: daySchema.nullable(),
    reason: reasonSchema,
    ...answersReport,
  }),
]);
export type MedicationChangeInput = z.input<typeof medicationChangeInputSchema>;
export type MedicationChangeParsed = z.infer<typeof medicationChangeInputSchema>;

// ---- monitoring ----
export const monitoringResultInputSchema = z.object({
  id: z.uuid('Send a UUID made by the client.'),
  test: z.enum(monitoringTestCodes as [string, ...string[]]),
  value: z.string().trim().min(1, 'Enter the result.').max(40, 'Keep the result to 40 characters.'),
  unit: z.string().trim().min(1, 'Give the unit.').max(30, 'Keep the unit to 30 characters.'),
  takenOn: daySchema,
  medicationId: z.string().min(1).max(64).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
  /** ALT/AST: the laboratory's upper limit of normal on the report (U/L); checked by labs.ts. */
  upperLimitOfNormal: z.number({ error: 'Enter a number, for example 40.' }).nullable().default(null),
});
export type MonitoringResultInput = z.input<typeof monitoringResultInputSchema>;

export const monitoringResultSchema = z.object({
  id: z.string(),
  test: z.string(),
  value: z.string(),
  unit: z.string(),
  takenOn: z.string(),
  medicationId: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: personRefSchema,
  recordedAt: z.number(),
  /** What the result means (medication-safety.md §3), made when it was recorded; null for non-lab checks. */
  interpretation: labInterpretationSchema.nullable(),
});
export type MonitoringResult = z.infer<typeof monitoringResultSchema>;

export const monitoringItemSchema = z.object({
  medicationId: z.string(),
  medicationName: z.string(),
  code: z.string(),
  label: z.string(),
  defaultUnit: z.string(),
  scheduleText: z.string(),
  source: z.string(),
  dueOn: z.string().nullable(),
  daysOverdue: z.number(),
  status: z.enum(['overdue', 'due_soon', 'scheduled', 'none']),
  lastResultOn: z.string().nullable(),
  /** Why it is due then, when a result or a dose change moved it (issue 11). */
  reason: z.string().nullable(),
  dueFrom: z.string().nullable(),
  /** How to take the sample, e.g. lithium 12 hours after the last dose. */
  instruction: z.string().nullable(),
  /** Units the result can be entered in (empty: free text, not interpreted). */
  unitChoices: z.array(z.string()),
});
export type MonitoringItem = z.infer<typeof monitoringItemSchema>;

export const monitoringViewSchema = z.object({
  today: z.string(),
  items: z.array(monitoringItemSchema),
  results: z.array(monitoringResultSchema),
  /** Which ANC table applies per monitored medication (only records that have said so). */
  labProfiles: z.array(labProfileSchema),
  /** ALT / AST upper limits of normal the clinic set (null: the product default), for the form's preview. */
  clinicUpperLimits: z.object({ alt: z.number().optional(), ast: z.number().optional() }),
  /** The clinic's edited laboratory thresholds per range (lab-thresholds.ts), for the form's preview. */
  clinicLabThresholds: z.record(z.string(), z.array(z.number())).optional(),
});
export type MonitoringView = z.infer<typeof monitoringViewSchema>;
