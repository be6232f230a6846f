// Public face of the patients feature: other features, platform/ and the app import only this file.
export { patientRoutes } from './patients.routes.js';
export { enrolPatient } from './patients.service.js';
export { setEmailOfAccount } from './patients.repository.js';
export { caseloadRead } from './caseload-read.js';
