// Table types of the treatment-plans feature (migration 005).

/** One row per patient: the plan that evolves through versions. */
export interface TreatmentPlanTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  created_by: string;
  created_at: number;
}

/** Every version is kept. content is the plan as JSON text (shared/treatment-plans/schemas.ts). */
export interface TreatmentPlanVersionTable {
  id: string;
  clinic_id: string;
  plan_id: string;
  patient_id: string;
  number: number;
  status: string;
  /** Optimistic concurrency (ETag/If-Match); every edit adds 1, signatures name the value they signed. */
  version: number;
  content: string;
  reason: string | null;
  template_id: string | null;
  based_on_number: number | null;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  submitted_at: number | null;
  agreed_at: number | null;
  review_date: string | null;
  /** 0 for the review date set at agreement, +1 every time a review says "continue" and sets the next. */
  review_cycle: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
}

export interface TreatmentPlanSignatureTable {
  id: string;
  clinic_id: string;
  version_id: string;
  user_id: string;
  role: string;
  /** The `version` of the plan version that was signed: a later edit makes the signature invalid. */
  signed_version: number;
  signed_at: number;
  invalidated_at: number | null;
  /** The attestation statement the signer confirmed (migration 047); null for older signatures. */
  attestation?: string | null;
  attested_at?: number | null;
}

/** Who did what to which version, when and why (the plan's history). */
export interface TreatmentPlanEventTable {
  id: string;
  clinic_id: string;
  plan_id: string;
  version_id: string;
  action: string;
  user_id: string;
  /** JSON array of section names an edit changed. */
  sections: string;
  reason: string | null;
  at: number;
}

export interface TreatmentPlanCommentTable {
  id: string;
  clinic_id: string;
  plan_id: string;
  version_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export interface TreatmentPlanTemplateTable {
  id: string;
  clinic_id: string;
  name: string;
  description: string;
  content: string;
  created_by: string | null;
  created_at: number;
}

export interface TreatmentPlanReviewTable {
  id: string;
  clinic_id: string;
  plan_id: string;
  version_id: string;
  held_on: string;
  /** JSON array of user ids. */
  participant_ids: string;
  patient_took_part: number;
  /** JSON array of { goalId, progress, note }. */
  goal_progress: string;
  decision: string;
  notes: string;
  next_version_id: string | null;
  next_review_date: string | null;
  recorded_by: string;
  created_at: number;
}

export interface PlanTables {
  treatment_plans: TreatmentPlanTable;
  treatment_plan_versions: TreatmentPlanVersionTable;
  treatment_plan_signatures: TreatmentPlanSignatureTable;
  treatment_plan_events: TreatmentPlanEventTable;
  treatment_plan_comments: TreatmentPlanCommentTable;
  treatment_plan_templates: TreatmentPlanTemplateTable;
  treatment_plan_reviews: TreatmentPlanReviewTable;
}
