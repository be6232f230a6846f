// Table types of the patient's medication-safety profile (migration 027, issue 11).

/** One allergy, other medicine or condition on the patient's record. */
export interface MedicationSafetyEntryTable {
  /** Made by the client, so a retried submit finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** 'allergy' | 'other_medicine' | 'condition' (shared/medication-safety/safety-profile.ts). */
  kind: string;
  /** Allergy: the substance; other medicine: the name as typed; condition: its code. */
  name: string;
  reaction: string | null;
  /** Allergy: 'mild' | 'moderate' | 'severe'. */
  severity: string | null;
  /** Other medicine: the dose as typed, free text. */
  dose_text: string | null;
  notes: string | null;
  /** 'pending' (the patient's, unconfirmed) | 'confirmed' | 'rejected' | 'removed'. */
  status: string;
  entered_by: string;
  /** The enterer's role at the time ('patient' or a clinician role). */
  entered_by_role: string;
  entered_at: number;
  /** Who confirmed or rejected it (a clinician's own entry is confirmed by them at once). */
  reviewed_by: string | null;
  reviewed_at: number | null;
  rejection_reason: string | null;
  removed_by: string | null;
  removed_at: number | null;
  version: number;
  updated_at: number;
}

/** One row per patient once a weight is recorded. */
export interface MedicationSafetyProfileTable {
  patient_id: string;
  clinic_id: string;
  weight_kg: number | null;
  weight_recorded_by: string | null;
  weight_recorded_at: number | null;
  version: number;
  updated_at: number;
}

export interface MedicationSafetyTables {
  medication_safety_entries: MedicationSafetyEntryTable;
  medication_safety_profiles: MedicationSafetyProfileTable;
}
