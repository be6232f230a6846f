// Public face of the calendar-feed feature: other features, platform/ and the app import only this file.
export { calendarFeedRoutes } from './calendar-feed.routes.js';
export type { CalendarProvider } from './provider-types.js';
