// The measures API's types for the web client, inferred from the schemas the routes use (schemas.ts).
import type { z } from 'zod';
import type {
  crisisSchema,
  dueListSchema,
  instrumentSchema,
  newResponseSchema,
  newRiskAssessmentSchema,
  questionnaireResponseSchema,
  riskAssessmentSchema,
  submitResultSchema,
} from './schemas.js';

export type { ResponseSource as MeasureSource } from './schemas.js';
export type Instrument = z.output<typeof instrumentSchema>;
export type DueList = z.output<typeof dueListSchema>;
export type DueMeasure = DueList['measures'][number];
export type MeasureResponse = z.output<typeof questionnaireResponseSchema>;
export type NewMeasureResponse = z.input<typeof newResponseSchema>;
export type CrisisResource = z.output<typeof crisisSchema>['resources'][number];
export type SubmitMeasureAnswer = z.output<typeof submitResultSchema>;
export type RiskAssessment = z.output<typeof riskAssessmentSchema>;
export type NewRiskAssessment = z.input<typeof newRiskAssessmentSchema>;
export type ContactMethod = RiskAssessment['method'];
export type RiskOutcome = RiskAssessment['outcome'];
export type RiskAction = RiskAssessment['actions'][number];
