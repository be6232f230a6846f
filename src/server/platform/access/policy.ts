import type { Role } from '../../../shared/access/roles.js';

/**
 * Every route declares who may call it (deny by default). The route-level gate checks only the role;
 * the relationship (care team, own record) is enforced in the service, where the data is read.
 * - public: anyone, signed in or not
 * - signed-in: any active account
 * - roles: only these roles; others get 403 (account management, nothing patient-specific)
 * - patient: a route under /patients/:patientId; roles outside the list get 404 like a stranger's record
 */
export type Policy =
  | { access: 'public' }
  | { access: 'signed-in' }
  | { access: 'roles'; roles: readonly Role[] }
  | { access: 'patient'; roles: readonly Role[] };

export const policies = {
  public: { access: 'public' },
  signedIn: { access: 'signed-in' },
  admin: { access: 'roles', roles: ['admin'] },
  clinician: { access: 'roles', roles: ['therapist', 'prescriber', 'care_manager'] },
  careTeam: { access: 'patient', roles: ['therapist', 'prescriber', 'care_manager'] },
  careTeamOrPatient: { access: 'patient', roles: ['therapist', 'prescriber', 'care_manager', 'patient'] },
} as const satisfies Record<string, Policy>;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
