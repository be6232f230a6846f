// Public face of the security feature (issue 13): the admins' security alerts.
export { securityRoutes } from './security.routes.js';
