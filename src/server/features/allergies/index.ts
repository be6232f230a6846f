// Public face of the allergies feature: other features, platform/ and the app import only this file.
export { medicationSafetyProfileRoutes } from './safety-profile.routes.js';
export { medicationContextFor } from './medication-context.js';
