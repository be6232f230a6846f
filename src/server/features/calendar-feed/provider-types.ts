import type { Db } from '../../db/database.js';
import type { CalendarEvent } from './ical.js';

// The provider shape on its own, so a provider file and the provider list do not import each other.
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
