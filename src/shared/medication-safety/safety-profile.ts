import { z } from 'zod';
import {
  allergySeverities,
  prescribingConditions,
  type AllergySeverity,
  type PrescribingCondition,
} from './context.js';

// The patient's medication-safety profile (issue 11, "Interactions, allergies and other medicines"):
// allergies, other medicines taken outside Duet's prescriptions, prescribing-relevant conditions and
// body weight. A clinician on the care team enters confirmed facts; the patient's own entries wait
// for a clinician to confirm or reject them (product policy: a prescribing check counts only what a
// clinician confirmed, and shows pending entries beside it).

export { allergySeverities, prescribingConditions as patientConditions };
export type { AllergySeverity, PrescribingCondition as PatientCondition };

/** Words for clinicians and, in brackets where needed, for the patient's own page. */
export const conditionLabels: Record<PrescribingCondition, { clinician: string; patient: string }> = {
  seizure_disorder: { clinician: 'Seizure disorder', patient: 'Seizures or epilepsy' },
  eating_disorder: { clinician: 'Eating disorder (bulimia or anorexia)', patient: 'An eating disorder' },
  hepatic_impairment: { clinician: 'Hepatic impairment', patient: 'Liver problems' },
  renal_impairment: { clinician: 'Renal impairment', patient: 'Kidney problems' },
  cyp2c19_poor_metabolizer: {
    clinician: 'CYP2C19 poor metabolizer',
    patient: 'A gene test said I am a CYP2C19 poor metabolizer',
  },
  smoker: { clinician: 'Current smoker', patient: 'I smoke' },
  pregnancy_possible: {
    clinician: 'Pregnant or could become pregnant',
    patient: 'I am pregnant or could become pregnant',
  },
};

export const entryKinds = ['allergy', 'other_medicine', 'condition'] as const;
export type SafetyEntryKind = (typeof entryKinds)[number];
/** 'removed' entries are kept for the history but never listed. */
export const entryStatuses = ['pending', 'confirmed', 'rejected', 'removed'] as const;
export type SafetyEntryStatus = (typeof entryStatuses)[number];

/** Body weight limits: a typing slip (e.g. 700 for 70.0) is refused, never clamped. */
export const weightKgMin = 2;
export const weightKgMax = 400;

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `At most ${String(max)} characters.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${String(max)} characters.`)
    .nullable()
    .default(null)
    .transform((s) => (s === null || s === '' ? null : s));

export const allergyDetailsSchema = z.object({
  kind: z.literal('allergy'),
  substance: text(200, 'the substance (a medicine, a food, latex …)'),
  reaction: text(500, 'what happened (or "not sure")'),
  severity: z.enum(allergySeverities, 'Choose mild, moderate or severe.'),
  notes: optionalText(1000),
});
export const otherMedicineDetailsSchema = z.object({
  kind: z.literal('other_medicine'),
  name: text(200, 'the medicine’s name'),
  doseText: optionalText(200),
  notes: optionalText(1000),
});
export const conditionDetailsSchema = z.object({
  kind: z.literal('condition'),
  condition: z.enum(prescribingConditions, 'Choose one of the listed conditions.'),
  notes: optionalText(1000),
});

export const entryDetailsSchema = z.discriminatedUnion('kind', [
  allergyDetailsSchema,
  otherMedicineDetailsSchema,
  conditionDetailsSchema,
]);
export type SafetyEntryDetails = z.infer<typeof entryDetailsSchema>;

const clientId = z.uuid('Send a UUID made by the client.');
/** A new entry; the client makes the id, so a retried submit returns the first entry. */
export const newEntrySchema = z.discriminatedUnion('kind', [
  allergyDetailsSchema.extend({ id: clientId }),
  otherMedicineDetailsSchema.extend({ id: clientId }),
  conditionDetailsSchema.extend({ id: clientId }),
]);
export type NewSafetyEntry = z.infer<typeof newEntrySchema>;

export const rejectEntrySchema = z.object({
  reason: text(500, 'why this is not confirmed (the patient sees it)'),
});
export const weightSchema = z.object({
  weightKg: z
    .number('Enter the weight in kilograms.')
    .min(weightKgMin, `At least ${String(weightKgMin)} kg.`)
    .max(weightKgMax, `At most ${String(weightKgMax)} kg.`)
    .refine((n) => Math.round(n * 10) === n * 10, 'Use at most one decimal place.'),
});

const personSchema = z.object({ id: z.string(), name: z.string() });

/** A dictionary match of an "other medicine" (other-medicines.ts). */
export const medicineMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  classes: z.array(z.string()),
  source: z.string(),
});
export type MedicineMatch = z.infer<typeof medicineMatchSchema>;

const entryBase = {
  id: z.string(),
  status: z.enum(entryStatuses),
  version: z.number().int(),
  enteredBy: personSchema.extend({ role: z.string() }),
  enteredAt: z.number(),
  reviewedBy: personSchema.nullable(),
  reviewedAt: z.number().nullable(),
  /** Why a clinician did not confirm it (rejected entries only). */
  rejectionReason: z.string().nullable(),
  updatedAt: z.number(),
};
// Response shapes carry no transforms (responses are encoded with these schemas).
const noteOut = z.string().nullable();
export const safetyEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('allergy'),
    substance: z.string(),
    reaction: z.string(),
    severity: z.enum(allergySeverities),
    notes: noteOut,
    ...entryBase,
  }),
  z.object({
    kind: z.literal('other_medicine'),
    name: z.string(),
    doseText: z.string().nullable(),
    notes: noteOut,
    match: medicineMatchSchema.nullable(),
    ...entryBase,
  }),
  z.object({
    kind: z.literal('condition'),
    condition: z.enum(prescribingConditions),
    notes: noteOut,
    ...entryBase,
  }),
]);
export type SafetyEntry = z.infer<typeof safetyEntrySchema>;

export const weightRecordSchema = z.object({
  kg: z.number(),
  recordedAt: z.number(),
  recordedBy: personSchema,
});

export const safetyProfileSchema = z.object({
  patientId: z.string(),
  entries: z.array(safetyEntrySchema),
  weight: weightRecordSchema.nullable(),
  /** Version of the weight record (If-Match for PUT weight); 0 before the first weight. */
  version: z.number().int(),
});
export type SafetyProfile = z.infer<typeof safetyProfileSchema>;
