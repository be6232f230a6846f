import { z } from 'zod';
import { isRealCalendarDay } from '../patients/validation.js';

/**
 * The content of one treatment-plan version. It is stored as JSON text and parsed with this schema on
 * the way in and out. Every field has a default so a blank draft is valid; completeness is checked
 * when the plan is signed (see completeness.ts), not while it is being written.
 */

export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine(isRealCalendarDay, 'Enter a real date.');

/**
 * ICD-10-CM code shape: a letter, a digit, a digit or letter, then optionally a dot and 1-4 more
 * characters (F32.1, F31.81, Z91.19). The shape only: Duet does not ship the code list.
 */
// Only overwrite-style normalisers (trim, toUpperCase) here: responses are encoded with these schemas too,
// and a one-way transform cannot be encoded.
export const icd10CmSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'Use an ICD-10-CM code such as F32.1.');

const text = (max: number) => z.string().trim().max(max);
function uniqueIdsOf(list: { id: string }[]): boolean {
  return new Set(list.map((x) => x.id)).size === list.length;
}
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, - or _ (up to 40).');

export const problemSchema = z.object({
  id: itemId,
  description: text(500).min(1, 'Describe the problem, or remove it.'),
  icd10: icd10CmSchema.nullable().default(null),
});

export const goalStatuses = ['active', 'met', 'dropped'] as const;
export const goalSchema = z.object({
  id: itemId,
  /** The goal as the patient puts it. */
  inPatientsWords: text(500).min(1, 'Write the goal in the patient’s words, or remove it.'),
  /** How we will know, e.g. "PHQ-9 below 5", "back at work three days a week". */
  measurableTarget: text(300).default(''),
  targetDate: daySchema.nullable().default(null),
  status: z.enum(goalStatuses).default('active'),
});

export const modalities = ['CBT', 'DBT', 'IPT', 'other'] as const;
/** IPT's four problem areas (care-rules.md, "Therapy between sessions": IPT focus). */
export const iptProblemAreas = [
  'grief',
  'role_disputes',
  'role_transitions',
  'interpersonal_deficits',
] as const;
export const sessionFrequencies = ['twice_weekly', 'weekly', 'every_2_weeks', 'monthly'] as const;

/** Owned by the therapist. */
/** Product policy: a course of 1 to 200 planned sessions; empty when not planned. */
const plannedSessionsRange = 'Enter a whole number of sessions from 1 to 200, or leave it empty.';
export const therapyPartSchema = z
  .object({
    modality: z.enum(modalities).nullable().default(null),
    /** Names the approach when modality is "other". */
    modalityOther: text(100).nullable().default(null),
    frequency: z.enum(sessionFrequencies).nullable().default(null),
    plannedSessions: z
      .number({ error: plannedSessionsRange })
      .int(plannedSessionsRange)
      .min(1, plannedSessionsRange)
      .max(200, plannedSessionsRange)
      .nullable()
      .default(null),
    focus: text(1000).default(''),
    iptProblemArea: z.enum(iptProblemAreas).nullable().default(null),
    practiceBetweenSessions: text(1000).default(''),
  })
  .refine((t) => t.modality === 'IPT' || t.iptProblemArea === null, {
    error: 'An IPT problem area only applies to IPT.',
    path: ['iptProblemArea'],
  });

/**
 * The medication record as the plan saw it when the prescriber saved the medication part (issue 15). The
 * server fills it from the record (a client's copy is never trusted); "differs from current medications"
 * compares it with the record as it is now (medication-agreement.ts).
 */
export const medicationSnapshotSchema = z.object({
  name: z.string().max(200),
  /** The day the snapshot was taken (patient's zone): dose and steps are read as of that day. */
  takenOn: daySchema,
  /** The dose that day (or the first dose of a medication not started yet), e.g. "50 mg"; "paused". */
  dose: z.string().max(200),
  /** The schedule in words that day, e.g. "08:00 every day". */
  schedule: z.string().max(500),
  /** Steps planned after that day, e.g. "100 mg from 2026-11-16" ('' for none). */
  steps: z.string().max(2000),
  /** Last day (stopped or planned end), null = ongoing. */
  endDate: daySchema.nullable(),
  status: z.enum(['active', 'paused', 'stopped']),
  /** The medication record's version and last update when the snapshot was taken. */
  recordVersion: z.number().int(),
  recordUpdatedAt: z.number(),
});
export type MedicationSnapshot = z.infer<typeof medicationSnapshotSchema>;

/** What the plan intends for a medication the patient has: keep it, change the dose, or stop it. */
export const linkedIntents = ['continue', 'change_dose', 'stop'] as const;
export const linkedMedicationSchema = z.object({
  medicationId: z.string().min(1).max(64),
  intent: z.enum(linkedIntents).default('continue'),
  note: text(300).default(''),
  snapshot: medicationSnapshotSchema.nullable().default(null),
});
export type LinkedMedication = z.infer<typeof linkedMedicationSchema>;

/** A medication the plan intends to start that is not prescribed yet (named, since there is no record). */
export const plannedStartSchema = z.object({
  id: itemId,
  name: text(120).min(1, 'Name the medication to start.'),
  note: text(300).default(''),
});

/**
 * Owned by the prescriber. `strategy` is the overall note. `linked` are the patient's medication records the
 * plan refers to, each with its intended change; `toStart` are medications the plan means to start.
 * `medicationIds` repeats the linked records' ids (older plans and clients only had this list).
 */
export const medicationPartSchema = z.object({
  strategy: text(2000).default(''),
  medicationIds: z.array(z.string().max(64)).max(20).default([]),
  linked: z
    .array(linkedMedicationSchema)
    .max(20)
    .refine((l) => new Set(l.map((m) => m.medicationId)).size === l.length, 'Each medication record once.')
    .default([]),
  toStart: z.array(plannedStartSchema).max(10).refine(uniqueIdsOf, 'Each item needs its own id.').default([]),
});

export const instruments = ['PHQ-9', 'GAD-7'] as const;
export const measureScheduleSchema = z.object({
  instrument: z.enum(instruments),
  atBaseline: z.boolean().default(true),
  /** Acute phase: every N weeks for the first M weeks… */
  everyWeeksEarly: z.number().int().min(1).max(12).default(2),
  earlyPhaseWeeks: z.number().int().min(0).max(52).default(12),
  /** …then every N weeks. */
  everyWeeksAfter: z.number().int().min(1).max(26).default(4),
});
export const measurementPlanSchema = z.object({
  questionnaires: z
    .array(measureScheduleSchema)
    .max(instruments.length)
    .refine((l) => new Set(l.map((q) => q.instrument)).size === l.length, 'Each questionnaire once.')
    .default([]),
  /**
   * Issue 12: the questionnaire treat-to-target follows (the worst counts with 'both'). Absent = 'both',
   * read as "both where both are measured" (shared/registry/status.ts).
   */
  target: z.enum(['PHQ-9', 'GAD-7', 'both']).optional(),
});

export const contactSchema = z.object({ name: text(200).min(1), phone: text(40).nullable().default(null) });
const lines = z.array(text(500).min(1)).max(30).default([]);
const contacts = z.array(contactSchema).max(20).default([]);

/** The usual sections of a written safety plan, in the order the patient works through them. */
export const safetyPlanSchema = z.object({
  warningSigns: lines,
  thingsICanDoOnMyOwn: lines,
  peopleAndPlacesThatHelp: lines,
  peopleICanAskForHelp: contacts,
  professionalsAndCrisisLines: contacts,
  makingMySurroundingsSafer: lines,
});

const uniqueIds = uniqueIdsOf;

export const planContentSchema = z.object({
  problems: z.array(problemSchema).max(20).refine(uniqueIds, 'Each problem needs its own id.').default([]),
  goals: z.array(goalSchema).max(20).refine(uniqueIds, 'Each goal needs its own id.').default([]),
  therapy: therapyPartSchema.default({
    modality: null,
    modalityOther: null,
    frequency: null,
    plannedSessions: null,
    focus: '',
    iptProblemArea: null,
    practiceBetweenSessions: '',
  }),
  medication: medicationPartSchema.default({ strategy: '', medicationIds: [], linked: [], toStart: [] }),
  measurement: measurementPlanSchema.default({ questionnaires: [] }),
  /** Set it to fix a date; left empty, the review falls due the clinic's default weeks after agreement. */
  reviewDate: daySchema.nullable().default(null),
  safetyPlan: safetyPlanSchema.default({
    warningSigns: [],
    thingsICanDoOnMyOwn: [],
    peopleAndPlacesThatHelp: [],
    peopleICanAskForHelp: [],
    professionalsAndCrisisLines: [],
    makingMySurroundingsSafer: [],
  }),
});
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanContentInput = z.input<typeof planContentSchema>;
export type PlanSection = keyof PlanContent;
export const planSections = Object.keys(planContentSchema.shape) as PlanSection[];

/** A draft edit: any of the sections, each replaced whole. */
export const planEditSchema = z
  .object({
    problems: planContentSchema.shape.problems.unwrap(),
    goals: planContentSchema.shape.goals.unwrap(),
    therapy: therapyPartSchema,
    medication: medicationPartSchema,
    measurement: measurementPlanSchema,
    reviewDate: daySchema.nullable(),
    safetyPlan: safetyPlanSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change.');
export type PlanEdit = z.infer<typeof planEditSchema>;
