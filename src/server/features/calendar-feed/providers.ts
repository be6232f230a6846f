import { doseEvents } from './dose-events.js';
import { appointmentEvents } from '../appointments/index.js';
import type { CalendarProvider } from './provider-types.js';
import { appointmentAlarms, doseAlarms, withAlarms } from './alarms.js';

export type { CalendarEvent } from './ical.js';
export type { CalendarProvider, CalendarProviderDeps } from './provider-types.js';

/**
 * Everything the private calendar feed shows. A feature adds its events with ONE line here (and keeps its
 * summaries discreet: a phone calendar is seen by others).
 */
export const calendarProviders: CalendarProvider[] = [
  withAlarms(doseEvents, doseAlarms),
  // Appointments (discreet summaries; cancelled ones leave the feed).
  withAlarms(appointmentEvents, appointmentAlarms),
];
