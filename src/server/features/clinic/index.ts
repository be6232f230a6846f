// Public face of the clinic feature: other features, platform/ and the app import only this file.
export { clinicRoutes } from './clinic.routes.js';
export { clinicSettings, everyClinicSettings } from './clinic-settings.service.js';
export { insertClinic as insertClinicRow } from './clinic.repository.js';
