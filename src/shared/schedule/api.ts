// The schedule's API types for the web app (issue 15), inferred from the route's zod schemas.
export type { ScheduleItem, ScheduleQuery, ScheduleResponse } from './schemas.js';
export { MAX_SCHEDULE_DAYS } from './schemas.js';
export { outsidePatientDaytime, PATIENT_DAYTIME } from './daytime.js';
export { isHttpsUrl } from './fields.js';
