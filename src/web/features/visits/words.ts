import type { AgendaAddressee } from '../../../shared/visit-agenda/rules';

/** The patient's words for who an item is for. */
export const ADDRESSEE_FOR_PATIENT: Record<AgendaAddressee, string> = {
  therapist: 'My therapist',
  prescriber: 'My prescriber',
  both: 'Both',
};
