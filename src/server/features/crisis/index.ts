// Public face of the crisis feature: other features, platform/ and the app import only this file.
export { crisisRoutes } from './crisis.routes.js';
export { crisisResourcesIn } from './crisis.service.js';
