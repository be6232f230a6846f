import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/**
 * For a past session in the appointments list: opens the session's progress note (or starts one) in
 * the notes page.
 */
export function SessionNoteLink({
  patientId,
  appointmentId,
  day,
}: {
  patientId: string;
  appointmentId: string;
  /** The session's day (YYYY-MM-DD) in the patient's zone. */
  day: string;
}) {
  const to = `/patients/${encodeURIComponent(patientId)}/notes?session=${encodeURIComponent(appointmentId)}&day=${encodeURIComponent(day)}`;
  return (
    <Anchor component={Link} to={to} size="sm">
      Session note
    </Anchor>
  );
}
