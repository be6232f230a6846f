// Public face of the medications feature: other features, platform/ and the app import only this file.
export { medicationRoutes } from './medications.routes.js';
export { labResultRoutes } from './lab-results.routes.js';
export { checkMonitoringOverdue } from './monitoring-overdue.check.js';
export { withLinkedMedications } from './plan-link.js';
export { seedCatalogueForClinic } from './catalogue-seed-rows.js';
export { loadRegimens } from './regimens.repository.js';
export { linkChangeToReport } from './change-links.repository.js';
export { doseRecordVersions, raiseDoseRecordVersion } from './dose-record-versions.repository.js';
export { startMedication } from './medications.service.js';
export { changeMedication } from './medication-changes.service.js';
export { listCatalogue } from './medications.repository.js';
export { medicationsOfPatient } from './medications.repository.js';
export { linkMedicationsByName } from './name-links.js';
