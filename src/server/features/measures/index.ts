// Public face of the measures feature: other features, platform/ and the app import only this file.
export { measureRoutes } from './measures.routes.js';
export { recordRiskAssessment } from './risk-assessments.service.js';
export { crisisFor } from './crisis.js';
export { closeGoodNewsOnSafety } from './good-news.js';
export { planRulesOf, planTargetOf } from './due.js';
export { earlyTreatmentWatches } from './early-treatment-watch.js';
export { checkMeasureReminders } from './due-reminders.check.js';
export { clinicIds } from './due-reminders.repository.js';
export { refreshMeasureSummary, refreshPatientSummaries } from './summaries.repository.js';
export { agreedPlanContents } from './measures.repository.js';
export { recordResponse } from './measures.service.js';
