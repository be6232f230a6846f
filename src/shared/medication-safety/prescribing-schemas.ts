import { z } from 'zod';
import { interactionClasses } from './interaction-classes.js';
import { prescribingConditions } from './context.js';
import type { SafetyWarning } from './interactions.js';

// API shapes of the prescribing checks (issue 11): what a prescriber sends with a prescription (a reason to
// go above the maximum, an answer per warning, whether an unknown medicine needs monitoring), and the safety
// data a catalogue entry carries (dose limits and interaction classes, editable by the clinic admin).

const reason = z.string().trim().min(1, 'Give a reason.').max(1000);

export const safetyDecisions = ['proceed', 'changed'] as const;
export const safetyAnswerSchema = z.object({
  warningId: z.string().trim().min(1).max(300),
  /** proceed: prescribe as it is, for this reason; changed: the prescriber changed it (say how). */
  decision: z.enum(safetyDecisions, 'Choose proceed or changed.'),
  reason: z.string().trim().min(1, 'Say why you proceed, or what you changed.').max(1000),
});
export type SafetyAnswer = z.infer<typeof safetyAnswerSchema>;

export const prescribingSafetyFields = {
  /** Required when a dose is above this patient's maximum; shown beside the dose and in the history. */
  overMaximumReason: reason.nullable().optional(),
  /** One answer per warning the server returned (409 safety_warnings). */
  safetyAnswers: z.array(safetyAnswerSchema).max(50).optional(),
};

export const monitoringAnswerSchema = z.object({
  needsMonitoring: z.boolean(),
  note: z.string().trim().max(500),
});
export type MonitoringAnswer = z.infer<typeof monitoringAnswerSchema>;

/** A warning with the prescriber's answer, as kept in the history. */
export const answeredWarningSchema = z.object({
  warningId: z.string(),
  kind: z.string(),
  title: z.string(),
  effect: z.string(),
  labelAction: z.string(),
  severity: z.string(),
  source: z.string(),
  decision: z.enum(safetyDecisions),
  reason: z.string(),
});
export type AnsweredWarning = z.infer<typeof answeredWarningSchema>;

export const overMaximumRecordSchema = z.object({
  reason: z.string(),
  doses: z.array(z.string()),
});
export type OverMaximumRecord = z.infer<typeof overMaximumRecordSchema>;

/** Warnings without an answer (the prescription is not saved until each has one). */
export function unansweredWarnings(
  warnings: readonly SafetyWarning[],
  answers: readonly SafetyAnswer[] | undefined,
): SafetyWarning[] {
  const answered = new Set((answers ?? []).map((a) => a.warningId));
  return warnings.filter((w) => !answered.has(w.id));
}

export function answeredWarnings(
  warnings: readonly SafetyWarning[],
  answers: readonly SafetyAnswer[] | undefined,
): AnsweredWarning[] {
  const byId = new Map((answers ?? []).map((a) => [a.warningId, a]));
  return warnings.flatMap((w) => {
    const a = byId.get(w.id);
    return a
      ? [
          {
            warningId: w.id,
            kind: w.kind,
            title: w.title,
            effect: w.effect,
            labelAction: w.labelAction,
            severity: w.severity,
            source: w.source,
            decision: a.decision,
            reason: a.reason,
          },
        ]
      : [];
  });
}

// ---- catalogue safety data ----
const mg = z.number().positive().max(100000);
export const formulationMaximumSchema = z.object({
  formulation: z.string().trim().max(40).nullable(),
  match: z.array(z.string().trim().min(1).max(30)).max(20),
  maxMgPerDay: mg.nullable(),
  perKg: z.boolean(),
  maxSingleDoseMg: mg.nullable(),
});
export const reducedMaximumSchema = z.object({
  when: z
    .array(
      z.enum([
        'age_over_60',
        'elderly',
        'hepatic_impairment',
        'renal_impairment',
        'cyp2c19_poor_metabolizer',
        'with_cimetidine',
        'with_strong_cyp2d6_inhibitor',
        'with_strong_cyp3a4_inhibitor',
        'with_valproate',
      ]),
    )
    .min(1),
  maxMgPerDay: mg,
  formulation: z.string().trim().max(40).nullable(),
  text: z.string().trim().max(300),
  source: z.string().trim().max(300),
});
export const doseLimitsSchema = z.object({
  unit: z.literal('mg'),
  maxima: z.array(formulationMaximumSchema).min(1).max(6),
  reduced: z.array(reducedMaximumSchema).max(10),
  labelText: z.string().trim().max(300),
  notes: z.array(z.string().trim().max(300)).max(10),
  source: z.string().trim().max(300),
  version: z.string().max(40),
});

export const catalogueSafetySchema = z.object({
  doseLimits: doseLimitsSchema.nullable(),
  interactionClasses: z.array(z.enum(interactionClasses)).max(20),
});
export type CatalogueSafety = z.infer<typeof catalogueSafetySchema>;

/** A value the clinic changed from Duet's starting data: who and when. */
export const safetyChangeMarkSchema = z.object({
  field: z.string(),
  changedBy: z.object({ id: z.string(), name: z.string() }),
  changedAt: z.number(),
});
export type SafetyChangeMark = z.infer<typeof safetyChangeMarkSchema>;

// ---- what the prescribing form needs to run the same checks (GET prescribing-context) ----
const allergySchema = z.object({
  substance: z.string(),
  reaction: z.string(),
  severity: z.enum(['mild', 'moderate', 'severe']),
});
const otherMedicineSchema = z.object({
  name: z.string(),
  matchedId: z.string().nullable(),
  matchedName: z.string().nullable(),
  classes: z.array(z.enum(interactionClasses)),
});
export const prescribingContextSchema = z.object({
  context: z.object({
    ageYears: z.number().nullable(),
    weightKg: z.number().nullable(),
    conditions: z.array(z.enum(prescribingConditions)),
    allergies: z.array(allergySchema),
    otherMedicines: z.array(otherMedicineSchema),
    pendingAllergies: z.array(allergySchema),
    pendingOtherMedicines: z.array(otherMedicineSchema),
  }),
  /** The patient's current prescriptions as the checks see them. */
  prescriptions: z.array(
    z.object({
      medicationId: z.string(),
      label: z.string(),
      genericName: z.string().nullable(),
      drugClass: z.string().nullable(),
      classes: z.array(z.enum(interactionClasses)),
      origin: z.literal('prescription'),
    }),
  ),
  notice: z.string(),
});
export type PrescribingContext = z.infer<typeof prescribingContextSchema>;
