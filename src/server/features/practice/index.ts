// Public face of the practice feature: other features, platform/ and the app import only this file.
export { practiceRoutes } from './practice.routes.js';
export { assignPractice } from './practice.service.js';
export { reportNotSafeMessage } from './entry-risk.js';
export { practiceTypesForPatient } from './practice.repository.js';
