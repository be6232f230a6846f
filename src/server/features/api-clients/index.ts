// Public face of the api-clients feature: other features, platform/ and the app import only this file.
export { apiClientRoutes } from './api-clients.routes.js';
export { tokenRoutes } from './token.routes.js';
export { bearerHolder, type BearerHolder } from './token.service.js';
export { clientActor } from './client-actor.js';
