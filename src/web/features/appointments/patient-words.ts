// The patient's words for appointments (second person, no clinic jargon).
import type { AppointmentType } from '../../../shared/appointments/schemas';

export { MODE_LABELS, whenWords } from './words';

export const TYPE_FOR_PATIENT: Record<AppointmentType, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication check-in',
};
