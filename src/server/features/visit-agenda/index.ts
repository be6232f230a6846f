// Public face of the visit-agenda feature (issue 14): other features, platform/ and the app import only this file.
export { visitAgendaRoutes } from './visit-agenda.routes.js';
