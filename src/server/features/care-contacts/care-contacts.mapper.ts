import type { CareContact } from '../../../shared/care-contacts/api.js';
import { contactModes, type ContactMode } from '../../../shared/care-contacts/api.js';
import type { ContactRow } from './care-contacts.repository.js';

const modeOf = (m: string): ContactMode => contactModes.find((x) => x === m) ?? 'phone';

export const toContact = (r: ContactRow): CareContact => ({
  id: r.id,
  patientId: r.patient_id,
  byUserId: r.by_user_id,
  byName: r.by_name,
  byRole: r.by_role,
  mode: modeOf(r.mode),
  reached: r.reached === 1,
  minutes: r.minutes,
  note: r.note,
  contactedAt: r.contacted_at,
  createdAt: r.created_at,
});
