// Public face of the side-effects feature: other features, platform/ and the app import only this file.
export { sideEffectRoutes } from './side-effects.routes.js';
export { submitReport } from './side-effects.service.js';
