// Public face of the alerts feature: other features, platform/ and the app import only this file.
export { alertRoutes } from './alerts.routes.js';
export { withAlertAccess } from './alert-access.js';
export { applyAlertEvent, lifecycleOf } from './lifecycle.service.js';
export {
  alertCore,
  lifecycleRowsOf,
  openSafetyAlertIds,
  unresolvedUrgentAlerts,
} from './lifecycle.repository.js';
