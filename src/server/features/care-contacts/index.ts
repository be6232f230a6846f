// Public face of the care-contacts feature: other features, platform/ and the app import only this file.
// It owns care_contacts (issue 15): contacts with the patient and the care manager's minutes per month.
export { careContactRoutes } from './care-contacts.routes.js';
export { minutesForMonth } from './care-contacts.service.js';
