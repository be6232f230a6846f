import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../../shared/access/roles.js';

/**
 * An API client as the audit trail's actor: its id is the actor id, and the role column says 'api_client'
 * so nobody mistakes an integration's reads for a person's. API clients are no accounts (no session, no
 * CSRF token), so they never reach the `/api` routes, which are the only ones reading `Actor.role` for access.
 */
export function clientActor(clinicId: string, clientId: string): Actor {
  return {
    userId: clientId,
    // Not one of the people roles: the audit column is text, and the access report words it as an integration.
    role: 'api_client' as Role,
    clinicId,
    patientId: null,
    sessionIdHash: '',
    csrfToken: '',
  };
}
