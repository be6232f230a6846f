import { z } from 'zod';
import { listLimitSchema } from '../lists/limit-query.js';
import { RISK_ASSESSMENTS_MAX } from '../lists/limits.js';
import { roleSchema } from '../access/roles.js';
import { safetyPlanSchema } from '../treatment-plans/schemas.js';
import { crisisResourceSetSchema } from '../crisis/schemas.js';
import { instrumentIds } from './instruments.js';

// API shapes of the measures feature (questionnaires, the safety path, risk assessments).

export const instrumentIdSchema = z.enum(instrumentIds);
export const responseSourceSchema = z.enum(['patient', 'in_session']);
export type ResponseSource = z.infer<typeof responseSourceSchema>;

const optionSchema = z.object({ value: z.number(), label: z.string(), loinc: z.string().nullable() });
export const instrumentSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  title: z.string(),
  stem: z.string(),
  items: z.array(z.object({ linkId: z.string(), text: z.string(), loinc: z.string() })),
  options: z.array(optionSchema),
  functionalItem: z
    .object({ text: z.string(), loinc: z.string().nullable(), options: z.array(optionSchema) })
    .nullable(),
  totalLoinc: z.string(),
  panelLoinc: z.string(),
  maxTotal: z.number(),
  severityBands: z.array(z.object({ min: z.number(), max: z.number(), code: z.string(), label: z.string() })),
  severitySource: z.string(),
  safetyItemLinkId: z.string().nullable(),
  interpretation: z.object({
    remissionBelow: z.number().nullable(),
    remissionSource: z.string().nullable(),
    reliableChangePoints: z.number(),
    reliableChangeSource: z.string(),
  }),
  attribution: z.string(),
});
export const instrumentListSchema = z.object({ instruments: z.array(instrumentSchema) });

export const answersSchema = z.object({
  /** By item position; null = not answered (a questionnaire with a missing item has no total). */
  items: z.array(z.number().int().min(0).max(10).nullable()).max(50),
  functional: z.number().int().min(0).max(10).nullable().default(null),
});
export type AnswersInput = z.infer<typeof answersSchema>;

export const newResponseSchema = z.object({
  /** Made by the client: a retry with the same id returns the first result, never a second record. */
  id: z.uuid('Send a UUID made by the client.'),
  instrument: instrumentIdSchema,
  answers: answersSchema,
  /**
   * Only for answers a clinician enters from a session: when the patient answered (defaults to now). At most
   * the clinic's backdateLimitDays ago (default 14), never before enrolment or 1900, never in the future.
   */
  answeredAt: z.number().int().optional(),
  /** Why the answer is dated on an earlier day: required then (issue 12). */
  backdateReason: z.string().trim().max(500).optional(),
});
export type NewResponse = z.infer<typeof newResponseSchema>;

export const interpretationSchema = z.object({
  isBaseline: z.boolean(),
  baselineTotal: z.number().nullable(),
  changePoints: z.number().nullable(),
  changePercent: z.number().nullable(),
  response: z.boolean(),
  partialResponse: z.boolean(),
  remission: z.boolean(),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
});

export const questionnaireResponseSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  name: z.string(),
  answers: answersSchema,
  total: z.number().nullable(),
  severity: z.object({ code: z.string(), label: z.string() }).nullable(),
  missingItems: z.array(z.number()),
  incompleteReason: z.string().nullable(),
  item9: z.number().nullable(),
  source: responseSourceSchema,
  answeredAt: z.number(),
  answeredDay: z.string(),
  enteredBy: z.object({ userId: z.string(), name: z.string(), role: roleSchema }),
  /** Why an in-session answer is dated in the past; null when it is not (issue 12). */
  backdateReason: z.string().nullable(),
  interpretation: interpretationSchema,
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

/** "Use as baseline" (issue 12): the baseline changes only by this explicit clinician choice. */
export const chooseBaselineSchema = z.object({
  responseId: z.uuid(),
  reason: z.string().trim().min(1, 'Say why this answer becomes the baseline.').max(500),
});
export type ChooseBaseline = z.infer<typeof chooseBaselineSchema>;

export const baselineChangeSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  responseId: z.string(),
  previousResponseId: z.string().nullable(),
  reason: z.string(),
  chosenBy: z.object({ userId: z.string(), name: z.string() }),
  chosenAt: z.number(),
});
export const baselineHistorySchema = z.object({
  baselines: z.array(
    z.object({ instrument: z.string(), responseId: z.string(), chosen: z.boolean(), version: z.number() }),
  ),
  changes: z.array(baselineChangeSchema),
});
export type BaselineHistory = z.infer<typeof baselineHistorySchema>;

/** The patient's own country's crisis resources for self-harm (shared/crisis), and their safety plan. */
export const crisisSchema = crisisResourceSetSchema.extend({
  /** The patient's agreed safety plan, or null when there is none (or it is empty). */
  safetyPlan: safetyPlanSchema.nullable(),
});
export type Crisis = z.infer<typeof crisisSchema>;

export const submitResultSchema = z.object({
  response: questionnaireResponseSchema,
  /** Present when the safety item (PHQ-9 item 9) was answered above 0: show it on the same screen, at once. */
  crisis: crisisSchema.nullable(),
});
export type SubmitResult = z.infer<typeof submitResultSchema>;

/** The most responses one list answers (docs/api.md): the latest ones; `hasMore` says older ones exist. */
export const RESPONSE_LIST_MAX = 500;
export const responseListQuerySchema = z.object({
  instrument: instrumentIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(RESPONSE_LIST_MAX).default(RESPONSE_LIST_MAX),
});
export const responseListSchema = z.object({
  responses: z.array(questionnaireResponseSchema),
  hasMore: z.boolean(),
});

export const dueMeasureSchema = z.object({
  instrument: z.string(),
  name: z.string(),
  dueDate: z.string(),
  status: z.enum(['upcoming', 'due', 'overdue']),
  daysOverdue: z.number(),
  isBaseline: z.boolean(),
  lastAnsweredDay: z.string().nullable(),
  /** An extra PHQ-9 of the early-treatment watch (issue 11; shared/measures/early-treatment-watch.ts). */
  earlyTreatmentWatch: z.boolean().optional(),
});
export const dueListSchema = z.object({
  today: z.string(),
  timeZone: z.string(),
  /** 'plan' when the agreed plan's measurement plan names questionnaires, else 'default'. */
  scheduleFrom: z.enum(['plan', 'default']),
  measures: z.array(dueMeasureSchema),
  /**
   * An antidepressant started or its dose changed under 25 (medication-safety.md section 5): extra PHQ-9s
   * at 1, 2 and 4 weeks, shown as "early-treatment watch" until `until` (week 4). Null when none.
   */
  earlyTreatmentWatch: z
    .object({
      medicationId: z.string(),
      medicationName: z.string(),
      kind: z.enum(['started', 'dose_changed']),
      since: z.string(),
      until: z.string(),
      checks: z.array(z.string()),
    })
    .nullable()
    .optional(),
});
export type DueList = z.infer<typeof dueListSchema>;

// ---- risk assessments --------------------------------------------------------------------------

export const contactMethods = ['phone', 'video', 'in_person', 'message', 'could_not_reach'] as const;
export const riskOutcomes = [
  'no_immediate_risk',
  'risk_managed_in_outpatient_care',
  'urgent_evaluation_arranged',
  'emergency_services_contacted',
  'not_reached_follow_up_planned',
] as const;
export const riskActions = [
  'safety_plan_reviewed',
  'safety_plan_updated',
  'crisis_resources_given',
  'means_safety_discussed',
  'follow_up_scheduled',
  'team_informed',
  'medication_reviewed',
  'emergency_services_contacted',
] as const;

export const newRiskAssessmentSchema = z
  .object({
    id: z.uuid('Send a UUID made by the client.'),
    /** The answer that raised the alert; its open alerts are resolved. */
    responseId: z.string().max(64).nullable().default(null),
    /** Or the alert itself. */
    alertId: z.string().max(64).nullable().default(null),
    contactedAt: z.number().int().positive(),
    method: z.enum(contactMethods),
    outcome: z.enum(riskOutcomes),
    actions: z.array(z.enum(riskActions)).max(riskActions.length).default([]),
    actionsOther: z.string().trim().max(1000).nullable().default(null),
    notes: z.string().trim().max(5000).default(''),
  })
  .refine((v) => v.responseId !== null || v.alertId !== null, {
    error: 'Name the answer (responseId) or the alert (alertId) this assessment follows.',
    path: ['responseId'],
  });
export type NewRiskAssessment = z.infer<typeof newRiskAssessmentSchema>;

export const riskAssessmentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  responseId: z.string().nullable(),
  alertId: z.string().nullable(),
  contactedAt: z.number(),
  method: z.enum(contactMethods),
  outcome: z.enum(riskOutcomes),
  actions: z.array(z.enum(riskActions)),
  actionsOther: z.string().nullable(),
  notes: z.string(),
  recordedBy: z.object({ userId: z.string(), name: z.string(), role: roleSchema }),
  createdAt: z.number(),
  /** How many open alerts this assessment resolved. */
  alertsResolved: z.number().optional(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
/** Bounded (issue 19): the latest RISK_ASSESSMENTS_MAX at most, newest first; `hasMore` when cut. */
export const riskAssessmentListSchema = z.object({
  assessments: z.array(riskAssessmentSchema),
  hasMore: z.boolean(),
});
export const riskAssessmentListQuerySchema = z.object({ limit: listLimitSchema(RISK_ASSESSMENTS_MAX) });
