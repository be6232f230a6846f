// Public face of the fhir feature: other features, platform/ and the app import only this file.
export { fhirRoutes, FHIR_BASE_PATH } from './fhir.routes.js';
export { purgeExpiredExports } from './export/export.service.js';
