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
  /** Issue 13: the clinic requires two-step sign-in and this staff session may only set it up. */
  twoFactorSetupRequired?: boolean;
}
