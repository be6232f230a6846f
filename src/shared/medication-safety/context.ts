import type { InteractionClass } from './interaction-classes.js';

/**
 * What the prescribing checks know about the patient beyond their Duet prescriptions (issue 11): age for the
 * special-population maxima, weight for mg/kg limits, the conditions that change what the label allows,
 * confirmed allergies and the other medicines they take. Built by the allergies feature
 * (`server/features/allergies/medication-context.ts`); read by the checks in this folder.
 */
export const prescribingConditions = [
  'seizure_disorder',
  'eating_disorder',
  'hepatic_impairment',
  'renal_impairment',
  'cyp2c19_poor_metabolizer',
  'smoker',
  'pregnancy_possible',
] as const;
export type PrescribingCondition = (typeof prescribingConditions)[number];

export const allergySeverities = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof allergySeverities)[number];

export interface SafetyAllergy {
  substance: string;
  reaction: string;
  severity: AllergySeverity;
}

export interface SafetyOtherMedicine {
  /** As the patient or clinician typed it. */
  name: string;
  /** The dictionary entry it matched (other-medicines.ts), or null. */
  matchedId: string | null;
  matchedName: string | null;
  classes: InteractionClass[];
}

export interface MedicationSafetyContext {
  /** Whole years on the patient's local day; null when no birth date is recorded. */
  ageYears: number | null;
  weightKg: number | null;
  conditions: PrescribingCondition[];
  /** Confirmed by a clinician (entered by one, or the patient's entry confirmed). */
  allergies: SafetyAllergy[];
  otherMedicines: SafetyOtherMedicine[];
  /** Entered by the patient and not yet confirmed: shown to the prescriber, not counted by the checks. */
  pendingAllergies: SafetyAllergy[];
  pendingOtherMedicines: SafetyOtherMedicine[];
  /**
   * When a clinician last took "current smoker" off the record (the patient stopped), if they are not
   * recorded as smoking now: clozapine levels rise when smoking stops (medication-safety.md section 2).
   */
  stoppedSmokingAt?: number | null;
}

export const emptyMedicationSafetyContext: MedicationSafetyContext = {
  ageYears: null,
  weightKg: null,
  conditions: [],
  allergies: [],
  otherMedicines: [],
  pendingAllergies: [],
  pendingOtherMedicines: [],
};
