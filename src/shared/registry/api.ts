// The registry and case review API's types for the web client, inferred from the routes' schemas.
import type { z } from 'zod';
import type {
  caseReviewMarkSchema,
  caseReviewSessionDetailSchema,
  caseReviewSessionSchema,
  patientCaseReviewSchema,
  recommendationInputSchema,
  recommendationSchema,
  sessionInputSchema,
} from './case-review.js';
import type { RegistryResponse, RegistryRow } from './schemas.js';

export type { RegistryResponse, RegistryRow, RegistrySortKey } from './schemas.js';
export type RegistryStatus = RegistryRow['status'];
export type RegistryFlag = RegistryRow['flags'][number];
export type RegistryScope = RegistryResponse['scope'];
export type PatientCaseReview = z.output<typeof patientCaseReviewSchema>;
export type CaseReviewMark = z.output<typeof caseReviewMarkSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;
export type NewRecommendation = z.input<typeof recommendationInputSchema>;
export type CaseReviewSession = z.output<typeof caseReviewSessionSchema>;
export type CaseReviewSessionDetail = z.output<typeof caseReviewSessionDetailSchema>;
export type NewCaseReviewSession = z.input<typeof sessionInputSchema>;
