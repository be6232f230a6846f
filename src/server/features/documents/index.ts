// Public face of the documents feature (issue 14): other features, platform/ and the app import only this file.
export { documentRoutes } from './documents.routes.js';
