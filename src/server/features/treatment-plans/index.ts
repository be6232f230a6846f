// Public face of the treatment-plans feature: other features, platform/ and the app import only this file.
export { treatmentPlanRoutes } from './plans.routes.js';
export { startPlan } from './drafts.service.js';
export { listTemplates } from './templates.service.js';
export { checkPlanReviewsDue } from './review-due.check.js';
