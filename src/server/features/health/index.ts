// Public face of the health feature: other features, platform/ and the app import only this file.
export { healthRoutes } from './health.routes.js';
