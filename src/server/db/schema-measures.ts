// Table types of the measures feature: questionnaire responses, risk assessments (migration 007).
export type MeasureTables = Record<never, never>;
