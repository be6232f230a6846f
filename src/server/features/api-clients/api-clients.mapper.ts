import type { ApiClient } from '../../../shared/fhir/api-clients.js';
import type { ApiClientRow } from './api-clients.repository.js';
import { z } from 'zod';
import { algorithmOf } from '../../../shared/fhir/jwks.js';
import { storedKeySet } from './client-assertion.js';

const idList = z.array(z.string());

/** The stored care-team limit: clinician ids, or null for the whole clinic. */
export function teamMemberIdsOf(row: { team_member_ids: string | null }): string[] | null {
  if (row.team_member_ids === null) return null;
  return idList.parse(JSON.parse(row.team_member_ids));
}

export function toApiClient(row: ApiClientRow, names: ReadonlyMap<string, string>): ApiClient {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    teamMembers: (teamMemberIdsOf(row) ?? []).map((id) => ({
      id,
      name: names.get(id) ?? 'No longer in Duet',
    })),
    status: row.status === 'revoked' ? 'revoked' : 'active',
    version: row.version,
    createdAt: row.created_at,
    secretRotatedAt: row.secret_rotated_at,
    revokedAt: row.revoked_at,
    publicKeys: (storedKeySet(row.jwks)?.keys ?? []).map((k) => ({ kid: k.kid, alg: algorithmOf(k) })),
  };
}
