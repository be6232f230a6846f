// Public face of the alerts feature: other features, platform/ and the app import only this file.
// Alerts are one feature (issue 18): raising them (outbox rules, services), their lifecycle, escalation, the inbox.
export { alertRoutes } from './alerts.routes.js';
export { raiseAlert, resolveAlertsForSubject } from './raise-alerts.js';
export { escalateUnacknowledgedAlerts } from './escalation.js';
export { withAlertAccess } from './alert-access.js';
export { applyAlertEvent } from './lifecycle.service.js';
export { alertCore, openSafetyAlertIds } from './lifecycle.repository.js';
export { alertById, updateAlertState } from './alerts.repository.js';
export { patientOfAlert } from './alerts.service.js';
export { openAlertsRoutedTo, rerouteAlerts } from './alert-rerouting.repository.js';
