// Table types of the patient's feedback (migration 023).

/** The patient's answer about one attended session. */
export interface SessionFeedbackTable {
  /** Made by the client, so a retried submit finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** The session (table `appointments`); unique per clinic: one answer per session. */
  appointment_id: string;
  /** Copied from the appointment so the trend reads without a join. */
  session_at: number;
  /** The session's day in the patient's time zone (YYYY-MM-DD). */
  session_day: string;
  helped: string;
  not_helped: string;
  goals_rating: number;
  heard_rating: number;
  change_request: string;
  /** 1 when a rating was at or below the clinic's threshold at the time (an alert went out). */
  low: number;
  submitted_by: string;
  created_at: number;
}

/** One round of the four-weekly ratings of the treatment's parts. */
export interface TreatmentRatingTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  rated_at: number;
  rated_day: string;
  submitted_by: string;
  created_at: number;
}

/** One part's rating within a round; the label is kept as it read then (a medication may be stopped later). */
export interface TreatmentRatingItemTable {
  rating_id: string;
  clinic_id: string;
  /** 'medication' | 'practice' | 'sessions' */
  part_kind: string;
  /** Medication record id, practice type code, or 'sessions'. */
  part_key: string;
  label: string;
  /** 0-10; null = "not sure yet". */
  score: number | null;
  position: number;
}

/** The once-only feedback email per session. */
export interface FeedbackNudgeTable {
  clinic_id: string;
  appointment_id: string;
  patient_id: string;
  sent_at: number;
}

export interface FeedbackTables {
  session_feedback: SessionFeedbackTable;
  treatment_ratings: TreatmentRatingTable;
  treatment_rating_items: TreatmentRatingItemTable;
  feedback_nudges: FeedbackNudgeTable;
}
