import type { Role } from '../../../shared/access/roles.js';

/** Who is making a request, as established from their session. */
export interface Actor {
  userId: string;
  role: Role;
  clinicId: string;
  /** Set for patients: the patient record that is theirs. */
  patientId: string | null;
  sessionIdHash: string;
  csrfToken: string;
}
