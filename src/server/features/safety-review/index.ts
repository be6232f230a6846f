// Public face of the safety-review feature: other features, platform/ and the app import only this file.
// What a clinician does with a safety alert: reads the patient summary, records the risk assessment.
export { safetyReviewRoutes } from './safety-review.routes.js';
