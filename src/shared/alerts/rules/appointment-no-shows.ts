import { defineRule } from './rule.js';

/**
 * Appointments missed in a row (issue 6: "two no-shows in a row → alert to the therapist, and the care
 * manager when there is one"; the count is the clinic's noShowAlertAfter, default 2). High: a patient who
 * stops coming is at risk of dropping out of treatment. Also routed to the clinician whose appointment was
 * missed (the prescriber, for a medication review). The subject is the newest no-show, so a correction that
 * re-marks the same run raises nothing twice.
 */
export const appointmentNoShows = defineRule({
  name: 'appointment-no-shows',
  on: 'appointment.no_shows_in_a_row',
  evaluate: (event) => [
    {
      type: 'appointment_no_shows',
      severity: 'high',
      title: `${String(event.payload.count)} missed appointments in a row`,
      details: `The patient did not come to their last ${String(event.payload.count)} appointments and did not cancel. Consider reaching out.`,
      routeToRoles: ['therapist', 'care_manager'],
      routeToUserIds: [event.payload.clinicianId],
      subjectId: event.payload.appointmentId,
    },
  ],
});
