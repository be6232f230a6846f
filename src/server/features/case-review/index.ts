// Public face of the case-review feature: other features, platform/ and the app import only this file.
export { caseReviewRoutes } from './case-review.routes.js';
