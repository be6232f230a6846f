// Public face of the adherence feature: other features, platform/ and the app import only this file.
export { adherenceRoutes } from './adherence.routes.js';
export { checkAdherence, scheduledAdherenceCheck } from './adherence.check.js';
export { adherenceForPatients, type PatientAdherence } from './adherence.service.js';
