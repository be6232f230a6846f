// Table types of side-effect reports (migration 012, issue 4).

/** A patient's side-effect report (care-rules.md "Side effects": Duet's own form, not FIBSER). */
export interface SideEffectReportTable {
  /** Made by the client, so a retried submit finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** The suspected medication record; null = "not sure". */
  medication_id: string | null;
  /** The medication's name when reported (the record can be renamed later). */
  medication_name: string | null;
  /** shared/medication-guides key of the medication's class. */
  guide_key: string | null;
  /** The dose in effect on the day of the report (null when no period was in effect). */
  dose_amount: number | null;
  dose_unit: string | null;
  /** JSON array of shared/side-effects/symptoms.ts codes. */
  symptoms: string;
  /** JSON array: the symptoms the catalogue lists as urgent for that medication. */
  urgent_symptoms: string;
  other_text: string;
  /** 'mild' | 'moderate' | 'severe' */
  severity: string;
  /** Duet's own 0-6 scale (shared/side-effects/interference.ts). */
  interference: number;
  wants_to_stop: number;
  /** 1 when the alert to the prescriber was urgent (shared/side-effects/urgency.ts). */
  urgent: number;
  reported_by: string;
  reported_at: number;
  /** The day reported, in the patient's time zone. */
  reported_day: string;
  /** 'open' | 'answered' */
  state: string;
  answered_at: number | null;
  version: number;
}

/** What the prescriber did about a report: a message, a dose change, or advice / no change. */
export interface SideEffectAnswerTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  report_id: string;
  /** 'message' | 'dose_change' | 'advice' */
  kind: string;
  note: string;
  /** kind 'message': the conversation with the patient the message started. */
  conversation_id: string | null;
  /** kind 'dose_change': the medication_changes row that answers the report. */
  medication_change_id: string | null;
  answered_by: string;
  answered_at: number;
}

export interface SideEffectTables {
  side_effect_reports: SideEffectReportTable;
  side_effect_answers: SideEffectAnswerTable;
}
