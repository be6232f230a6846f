// Public face of the notes feature: other features, platform/ and the app import only this file.
export { noteRoutes } from './notes.routes.js';
