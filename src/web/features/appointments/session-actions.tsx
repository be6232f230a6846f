import { Group } from '@mantine/core';
import type { Appointment } from '../../../shared/appointments/schemas';
import { SessionNoteLink } from '../notes/session-note-link';

/**
 * Links beside a past session in the clinician's list. Other features add theirs here with one line
 * (progress notes: "Write note"); each link gets the patient and the appointment.
 */
export function SessionActions({
  patientId: _patientId,
  appointment: _appointment,
}: {
  patientId: string;
  appointment: Appointment;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      {/* session note link */}
      <SessionNoteLink patientId={_patientId} appointmentId={_appointment.id} day={_appointment.day} />
    </Group>
  );
}
