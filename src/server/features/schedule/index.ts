// Public face of the schedule feature (issue 15): other features, platform/ and the app import only this file.
export { scheduleRoutes } from './schedule.routes.js';
