// Public face of the worklist feature (issue 15): other features, platform/ and the app import only this file.
export { worklistRoutes } from './worklist.routes.js';
export { readWorklist } from './worklist.service.js';
export { worklistRead } from './worklist-read.js';
