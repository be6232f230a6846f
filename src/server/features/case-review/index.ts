// Public face of the case-review feature: other features, platform/ and the app import only this file.
export { caseReviewRoutes } from './case-review.routes.js';
// Issue 15: "My recommendations" for the worklist (reads only; the caller audits the patients it shows).
export { openRecommendationsAssignedTo } from './recommendations.service.js';
