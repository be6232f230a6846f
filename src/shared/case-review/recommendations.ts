import { z } from 'zod';
import { recommendationSchema } from '../registry/case-review.js';
import { measureSummarySchema } from '../registry/schemas.js';
import { registryFlags } from '../registry/flags.js';
import { MY_RECOMMENDATIONS_MAX } from '../lists/limits.js';

/**
 * Closing a recommendation (issue 15): done, or declined with the reason (a decline without one would leave
 * the consultant guessing). Product policy: a reason is at most 1000 characters.
 */
export const closeRecommendationSchema = z
  .object({
    outcome: z.enum(['done', 'declined'], { error: 'Choose done or declined.' }),
    reason: z.string().trim().max(1000, 'The reason can be at most 1000 characters.').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'declined' && v.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the recommendation is declined.' });
  });
export type CloseRecommendation = z.input<typeof closeRecommendationSchema>;

/** An open recommendation is overdue once its due day has passed (the day itself still counts). */
export const isOverdue = (r: { status: string; dueDate: string | null }, today: string): boolean =>
  r.status === 'open' && r.dueDate !== null && r.dueDate < today;

/** "My recommendations": open ones assigned to the caller, with the patient's name, earliest due first. */
export const myRecommendationSchema = recommendationSchema.extend({
  patientGivenName: z.string(),
  patientFamilyName: z.string(),
  overdue: z.boolean(),
});
export type MyRecommendation = z.infer<typeof myRecommendationSchema>;
/** Bounded (issue 19): at most MY_RECOMMENDATIONS_MAX, earliest due first, `hasMore` when some are not listed. */
export const myRecommendationsSchema = z.object({
  recommendations: z.array(myRecommendationSchema).max(MY_RECOMMENDATIONS_MAX),
  hasMore: z.boolean(),
});

/** One row of the case-review list (AIMS Center registry fields, care-rules.md "Collaborative care"). */
export const caseReviewRowSchema = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  weeksInTreatment: z.number().nullable(),
  phq9: measureSummarySchema,
  gad7: measureSummarySchema,
  adherencePercent: z.number().nullable(),
  lastClinicianContactAt: z.number().nullable(),
  flags: z.array(z.enum(registryFlags)),
  markedForCaseReview: z.boolean(),
  /** Current medications as "Sertraline 100 mg" (paused ones say so). */
  medications: z.array(z.string()),
  /** The latest start, dose change or stop (local day and words), null with none. */
  lastMedicationChange: z.object({ day: z.string(), summary: z.string() }).nullable(),
  openRecommendations: z.array(recommendationSchema),
});
export type CaseReviewRow = z.infer<typeof caseReviewRowSchema>;
export const caseReviewListSchema = z.object({ patients: z.array(caseReviewRowSchema) });
export type CaseReviewList = z.infer<typeof caseReviewListSchema>;
