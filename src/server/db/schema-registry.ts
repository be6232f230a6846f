/** Table types of case review (migration 008). Instants are epoch ms; days are YYYY-MM-DD text. */
export interface CaseReviewMarkTable {
  clinic_id: string;
  patient_id: string;
  reason: string;
  marked_by: string;
  marked_at: number;
}

export interface CaseReviewSessionTable {
  id: string;
  clinic_id: string;
  review_date: string;
  created_by: string;
  /** JSON array of user ids. */
  participant_ids: string;
  created_at: number;
}

export interface CaseReviewRecommendationTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  session_id: string | null;
  by_user_id: string;
  priority: string;
  summary: string;
  details: string;
  created_at: number;
  /** Migration 043 (issue 15): the team member who carries it out (null: the team), by when, and its end. */
  assigned_to: string | null;
  due_date: string | null;
  /** 'open' | 'done' | 'declined' */
  status: string;
  /** Why it was declined (or a word on how it was done). */
  closed_reason: string | null;
  closed_by: string | null;
  closed_at: number | null;
  version: number;
}

/** Each patient's latest clinician contact (migration 024), kept in step with its sources. */
export interface LastClinicianContactTable {
  patient_id: string;
  clinic_id: string;
  contacted_at: number;
}

export interface RegistryTables {
  last_clinician_contacts: LastClinicianContactTable;
  case_review_marks: CaseReviewMarkTable;
  case_review_sessions: CaseReviewSessionTable;
  case_review_recommendations: CaseReviewRecommendationTable;
}
