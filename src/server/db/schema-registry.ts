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
