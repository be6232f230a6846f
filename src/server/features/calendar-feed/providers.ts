import { doseEvents } from './dose-events.js';
import { appointmentEvents } from '../appointments/index.js';
import type { CalendarProvider } from './provider-types.js';

export type { CalendarEvent } from './ical.js';
export type { CalendarProvider, CalendarProviderDeps } from './provider-types.js';

/**
 * Everything the private calendar feed shows. A feature adds its events with ONE line here (and keeps its
 * summaries discreet: a phone calendar is seen by others).
 */
export const calendarProviders: CalendarProvider[] = [
  doseEvents,
  // Appointments (discreet summaries; cancelled ones leave the feed).
  appointmentEvents,
];
