import type { ClinicSettings } from '../clinic/settings.js';

/**
 * The clinic's appointment settings with their product defaults (issue 6): alert after 2 no-shows in a
 * row, a cancellation less than 24 h before is late, the patient is reminded 24 h before.
 */
export const appointmentDefaults = {
  noShowAlertAfter: 2,
  lateCancellationHours: 24,
  appointmentReminderHours: 24,
} as const;

export function appointmentSettings(s: Partial<ClinicSettings>): {
  noShowAlertAfter: number;
  lateCancellationHours: number;
  appointmentReminderHours: number;
} {
  return {
    noShowAlertAfter: s.noShowAlertAfter ?? appointmentDefaults.noShowAlertAfter,
    lateCancellationHours: s.lateCancellationHours ?? appointmentDefaults.lateCancellationHours,
    appointmentReminderHours: s.appointmentReminderHours ?? appointmentDefaults.appointmentReminderHours,
  };
}
