import type { Db } from '../../db/database.js';
import type { CalendarEvent } from './ical.js';
import { doseEvents } from './dose-events.js';
import { appointmentEvents } from '../appointments/index.js';

export type { CalendarEvent } from './ical.js';

/** What a provider may use: the feed's transaction (it is audited), the time, and the patient's choices. */
export interface CalendarProviderDeps {
  db: Db;
  now: number;
  /** The patient chose to see medication names instead of "Medication reminder". */
  showMedicationNames: boolean;
}

/** Events of one kind for one patient on local days fromDay..toDay (the patient's zone). */
export type CalendarProvider = (
  deps: CalendarProviderDeps,
  patient: { id: string; clinicId: string; timeZone: string },
  range: { fromDay: string; toDay: string },
) => Promise<CalendarEvent[]>;

/**
 * Everything the private calendar feed shows. A feature adds its events with ONE line here (and keeps its
 * summaries discreet: a phone calendar is seen by others).
 */
export const calendarProviders: CalendarProvider[] = [
  doseEvents,
  // Appointments (discreet summaries; cancelled ones leave the feed).
  appointmentEvents,
];
