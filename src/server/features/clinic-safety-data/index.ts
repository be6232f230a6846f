// Public face of the clinic-safety-data feature: other features, platform/ and the app import only this file.
export { clinicSafetyDataRoutes } from './clinic-safety-data.routes.js';
export { clinicLabThresholds, clinicOtherNames } from './clinic-safety-data.service.js';
