import type { CalendarAlarm } from './ical.js';
import type { CalendarProvider } from './provider-types.js';

/**
 * The feed's alarms (issue 17, product policy, docs/notifications.md): a dose at its time (as the push and
 * email reminders); an appointment a day before (time to arrange the day) and an hour before (time to leave).
 * Words as discreet as the summaries: a phone shows an alarm on its lock screen.
 */
export const doseAlarms: readonly CalendarAlarm[] = [
  { minutesBefore: 0, description: 'Medication reminder' },
];
export const appointmentAlarms: readonly CalendarAlarm[] = [
  { minutesBefore: 1440, description: 'Appointment tomorrow' },
  { minutesBefore: 60, description: 'Appointment in 1 hour' },
];

/** The provider's events, each with these alarms. */
export function withAlarms(provider: CalendarProvider, alarms: readonly CalendarAlarm[]): CalendarProvider {
  return async (deps, patient, range) =>
    (await provider(deps, patient, range)).map((e) => ({ ...e, alarms }));
}
