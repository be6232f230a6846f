import { z } from 'zod';
import { guideKeys } from '../medication-guides/guides.js';
import { adviceKinds } from '../medication-safety/urgent-symptoms.js';
import { symptomCodeSchema, symptomCodes } from './symptoms.js';
import { interferenceMax } from './interference.js';
import { SIDE_EFFECT_REPORTS_MAX } from '../lists/limits.js';

// API shapes of side-effect reports (issue 4; care-rules.md "Side effects": our own form, not FIBSER).

export const sideEffectSeveritySchema = z.enum(['mild', 'moderate', 'severe']);
export const reportStateSchema = z.enum(['open', 'answered']);
export const answerKindSchema = z.enum(['message', 'dose_change', 'advice']);
export type AnswerKind = z.infer<typeof answerKindSchema>;
export const guideKeySchema = z.enum(guideKeys);

export const newSideEffectReportSchema = z
  .object({
    /** Made by the client: a retry or double tap returns the first report, never a second one. */
    id: z.uuid('Send a UUID made by the client.'),
    /** One of the patient's current medications; null = "not sure". */
    medicationId: z.string().min(1).max(64).nullable(),
    symptoms: z.array(symptomCodeSchema).max(symptomCodes.length).default([]),
    otherText: z.string().trim().max(2000).default(''),
    severity: sideEffectSeveritySchema,
    interference: z.number().int().min(0).max(interferenceMax),
    wantsToStop: z.boolean().default(false),
  })
  .refine((r) => r.symptoms.length > 0 || r.otherText.length > 0, {
    error: 'Tick at least one symptom or describe it in your own words.',
    path: ['symptoms'],
  });
export type NewSideEffectReport = z.infer<typeof newSideEffectReportSchema>;

export const suspectedMedicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The dose in effect on the day of the report (null when no period was in effect). */
  doseAmount: z.number().nullable(),
  doseUnit: z.string().nullable(),
  guideKey: guideKeySchema,
});

export const changeOptionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  summary: z.string(),
  effectiveOn: z.string(),
  changedAt: z.number(),
});

export const reportAnswerSchema = z.object({
  id: z.string(),
  kind: answerKindSchema,
  note: z.string(),
  conversationId: z.string().nullable(),
  medicationChangeId: z.string().nullable(),
  /** The linked change's summary as the medication history records it. */
  changeSummary: z.string().nullable(),
  byUserId: z.string(),
  byName: z.string(),
  answeredAt: z.number(),
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

export const sideEffectReportSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  medication: suspectedMedicationSchema.nullable(),
  symptoms: z.array(symptomCodeSchema),
  otherText: z.string(),
  severity: sideEffectSeveritySchema,
  interference: z.number(),
  wantsToStop: z.boolean(),
  /** Symptoms the suspected medication lists as urgent (e.g. rash on lamotrigine). */
  urgentSymptoms: z.array(symptomCodeSchema),
  urgent: z.boolean(),
  reportedAt: z.number(),
  reportedDay: z.string(),
  state: reportStateSchema,
  answers: z.array(reportAnswerSchema),
  /** Clinicians only, on open reports: recent changes of the suspected medication to link as the answer. */
  changeOptions: z.array(changeOptionSchema),
});
export type SideEffectReport = z.infer<typeof sideEffectReportSchema>;
/** Bounded (issue 19): every open report, then the newest others, at most SIDE_EFFECT_REPORTS_MAX. */
export const sideEffectReportListSchema = z.object({
  reports: z.array(sideEffectReportSchema).max(SIDE_EFFECT_REPORTS_MAX),
  /** Older reports exist that are not listed. */
  hasMore: z.boolean(),
});

/** One piece of advice for an urgent symptom (shared/medication-safety/urgent-symptoms.ts). */
export const adviceItemSchema = z.object({
  kind: z.enum(adviceKinds),
  medicationId: z.string().nullable(),
  medicationName: z.string().nullable(),
  symptoms: z.array(symptomCodeSchema),
  /** What to do, in plain words. */
  text: z.string(),
  why: z.string(),
  source: z.string(),
});
export type AdviceItem = z.infer<typeof adviceItemSchema>;

/** What the patient reads after sending. */
export const submitAdviceSchema = z.object({
  urgent: z.boolean(),
  /** The prescriber's alert for this report. */
  alert: z.enum(['urgent', 'high', 'routine']),
  /** Most urgent first: emergency, crisis line, stop and call today, call today, call. */
  items: z.array(adviceItemSchema),
  /**
   * Which crisis resources to show beside the advice (web/components/crisis-resources.tsx): the emergency
   * number first for a physical emergency, the crisis line first for suicidal thoughts; null: neither.
   */
  resourcesFor: z.enum(['physical_emergency', 'self_harm']).nullable(),
  /**
   * The suspected medication's class should not be stopped suddenly, and no advice says to stop a
   * medication or to call the emergency number ("stop and call" overrides it: section 4).
   */
  doNotStopSuddenly: z.boolean(),
  guideKey: guideKeySchema.nullable(),
});
export const submitReportResultSchema = z.object({
  report: sideEffectReportSchema,
  advice: submitAdviceSchema,
});
export type SubmitReportResult = z.infer<typeof submitReportResultSchema>;

/** The patient's current medications to pick from, each with today's dose. */
export const reportFormSchema = z.object({
  medications: z.array(
    suspectedMedicationSchema.extend({
      /** Its urgent symptoms (medication-safety.md section 4): the checklist shows them first. */
      urgentSymptoms: z.array(symptomCodeSchema),
    }),
  ),
});
export type ReportForm = z.infer<typeof reportFormSchema>;

export const newAnswerSchema = z
  .object({
    /** Made by the client (retry-safe). */
    id: z.uuid('Send a UUID made by the client.'),
    kind: answerKindSchema,
    /** The message to the patient (kind 'message') or the note (required for 'advice'). */
    note: z.string().trim().max(4000).default(''),
    /** kind 'dose_change': the medication change (from the medication's history) that answers the report. */
    medicationChangeId: z.string().min(1).max(64).optional(),
  })
  .refine((a) => a.kind === 'dose_change' || a.note.length > 0, {
    error: 'Write the message or note.',
    path: ['note'],
  })
  .refine((a) => a.kind !== 'dose_change' || a.medicationChangeId !== undefined, {
    error: 'Choose the medication change that answers this report.',
    path: ['medicationChangeId'],
  });
export type NewAnswer = z.infer<typeof newAnswerSchema>;
