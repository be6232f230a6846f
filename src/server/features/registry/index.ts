// Public face of the registry feature: other features, platform/ and the app import only this file.
export { registryRoutes } from './registry.routes.js';
export { registryJson, registryRead } from './registry-read.js';
export { registryRows } from './registry-read.js';
export { checkTreatToTarget } from './treat-to-target.check.js';
