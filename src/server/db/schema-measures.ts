// Table types of the measures feature (migration 007).

/** One answered questionnaire. */
export interface QuestionnaireResponseTable {
  /** Made by the client, so a retried submit finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** Instrument id from shared/measures/instruments.ts, e.g. 'phq9'. */
  instrument: string;
  instrument_version: string;
  /** JSON `{ items: (number | null)[], functional: number | null }` (shared/measures/schemas.ts). */
  answers: string;
  /** Null when an item is missing: a partial questionnaire has no total. */
  total: number | null;
  severity: string | null;
  /** PHQ-9 item 9 (the safety item) as answered; null for other instruments or when unanswered. */
  item9: number | null;
  /** 'patient' | 'in_session' (entered by a clinician during a session). */
  source: string;
  answered_at: number;
  /** The day answered, in the patient's time zone (YYYY-MM-DD): the schedule counts days. */
  answered_day: string;
  entered_by: string;
  created_at: number;
  /** Why an in-session answer is dated in the past (migration 033); null when not backdated. */
  backdate_reason?: string | null;
}

/** A clinician's risk assessment after a self-harm answer; recording it resolves the alert. */
export interface RiskAssessmentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  response_id: string | null;
  alert_id: string | null;
  contacted_at: number;
  /** 'phone' | 'video' | 'in_person' | 'message' | 'could_not_reach' */
  method: string;
  outcome: string;
  /** JSON array of action codes (shared/measures/risk-assessment.ts). */
  actions: string;
  actions_other: string | null;
  notes: string;
  recorded_by: string;
  created_at: number;
}

/** A questionnaire reminder emailed to a patient (migration 009): one per patient, instrument and due date. */
export interface MeasureReminderTable {
  clinic_id: string;
  patient_id: string;
  instrument: string;
  /** YYYY-MM-DD in the patient's time zone. */
  due_date: string;
  sent_at: number;
}

/** Baseline and latest scored answer of one patient and instrument (migration 014), kept in step with the answers. */
export interface MeasureSummaryTable {
  clinic_id: string;
  patient_id: string;
  instrument: string;
  first_id: string;
  first_total: number;
  first_at: number;
  first_day: string;
  last_id: string;
  last_total: number;
  last_at: number;
  last_day: string;
  scored_count: number;
  /** Lowest total of the 12 weeks before the latest answer, the latest excluded (migration 033). */
  recent_best_total?: number | null;
  /** 1 when the latest answer's day also had a positive PHQ-9 item 9 or a self-harm entry (migration 033). */
  safety_same_day?: number;
}

/** The baseline a clinician chose for one patient and instrument (migration 033). */
export interface MeasureBaselineTable {
  clinic_id: string;
  patient_id: string;
  instrument: string;
  response_id: string;
  chosen_by: string;
  chosen_at: number;
  version: number;
}

/** Every "use as baseline" choice, for the history (migration 033). */
export interface MeasureBaselineChangeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  instrument: string;
  response_id: string;
  previous_response_id: string | null;
  reason: string;
  chosen_by: string;
  chosen_at: number;
}

export interface MeasureTables {
  questionnaire_responses: QuestionnaireResponseTable;
  risk_assessments: RiskAssessmentTable;
  measure_reminders: MeasureReminderTable;
  measure_summaries: MeasureSummaryTable;
  measure_baselines: MeasureBaselineTable;
  measure_baseline_changes: MeasureBaselineChangeTable;
}
