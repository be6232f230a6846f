// Public face of the feedback feature: other features, platform/ and the app import only this file.
export { feedbackRoutes } from './feedback.routes.js';
export { checkFeedbackNudges } from './nudge.check.js';
