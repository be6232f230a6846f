// The treatment plan API: the web client's types inferred from the schemas the plan routes use.
import { z } from 'zod';
import type {
  commentSchema,
  HistoryEntry,
  newReviewSchema,
  PatientView,
  planDiffSchema,
} from './api-schemas.js';
import { safetyPlanSchema, type PlanContent } from './schemas.js';

export type { LinkedMedication, PlanContent, PlanEdit } from './schemas.js';
export { linkedIntents } from './schemas.js';
export { PLAN_ATTESTATION } from './api-schemas.js';
export { textChanges, type TextChange } from './word-diff.js';
export type {
  MedicationDifferenceView,
  PlanOverview,
  PlanReview,
  PlanTemplate,
  PlanVersion,
  PlanVersionStatus,
} from './api-schemas.js';

/** GET /api/patients/:patientId/safety-plan: the agreed plan's safety plan, or nulls before one is agreed. */
export const safetyPlanAnswerSchema = z.object({
  versionNumber: z.number().nullable(),
  agreedAt: z.number().nullable(),
  safetyPlan: safetyPlanSchema.nullable(),
});

export type SafetyPlan = PlanContent['safetyPlan'];
export type PlanHistoryEntry = HistoryEntry;
export type PlanDiff = z.output<typeof planDiffSchema>;
export type PlanComment = z.output<typeof commentSchema>;
export type NewPlanReview = z.input<typeof newReviewSchema>;
export type PatientPlanView = PatientView;
export type SafetyPlanAnswer = z.output<typeof safetyPlanAnswerSchema>;
