import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { bearerHolder, clientActor } from '../api-clients/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import {
  allows,
  parseScopes,
  type FhirResourceType,
  type Permission,
  type Scope,
} from '../../../shared/fhir/scopes.js';
import { FhirError } from './outcome.js';

/** The API client behind a FHIR request (from its bearer token). */
export interface FhirClient {
  clinicId: string;
  clientId: string;
  scopes: readonly Scope[];
  /** The care-team limit: clinician ids, or null for the whole clinic. */
  teamMemberIds: readonly string[] | null;
  /** The client as the audit trail's actor. */
  actor: Actor;
  /**
   * Who a write is recorded as entered by (records name an account): the admin who created the client, as a
   * clinic account. The audit trail names the client itself.
   */
  enteredBy: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    fhirClient: FhirClient | null;
  }
}

/** A token's scope text parsed once (every request of a client carries the same few strings). */
const parsedScopes = new Map<string, readonly Scope[]>();
function scopesOf(text: string): readonly Scope[] {
  const known = parsedScopes.get(text);
  if (known) return known;
  const parsed = parseScopes(text);
  const scopes = parsed.ok ? parsed.scopes : [];
  if (parsedScopes.size >= 256) parsedScopes.clear();
  parsedScopes.set(text, scopes);
  return scopes;
}

const challenge = { 'www-authenticate': 'Bearer realm="duet", error="invalid_token"' };

/** Bearer only (cookies and CSRF play no part): an unknown, expired or revoked client's token is a 401. */
export async function authenticate(deps: AppDeps, request: FastifyRequest): Promise<FhirClient> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (token === '')
    throw new FhirError(401, 'login', 'Send Authorization: Bearer <token> (POST /oauth2/token).', undefined, {
      'www-authenticate': 'Bearer realm="duet"',
    });
  const holder = await bearerHolder(deps, token);
  if (!holder)
    throw new FhirError(401, 'login', 'The token is unknown, expired or revoked.', undefined, challenge);
  return {
    clinicId: holder.clinicId,
    clientId: holder.clientId,
    scopes: scopesOf(holder.scopes),
    teamMemberIds: holder.teamMemberIds,
    actor: clientActor(holder.clinicId, holder.clientId),
    enteredBy: {
      userId: holder.createdBy,
      role: 'admin',
      clinicId: holder.clinicId,
      patientId: null,
      sessionIdHash: '',
      csrfToken: '',
    },
  };
}

/** 403 when the token's scopes do not allow this (the client knows the type exists; nothing about a record). */
export function requireScope(client: FhirClient, type: FhirResourceType, permission: Permission): void {
  if (!allows(client.scopes, type, permission))
    throw new FhirError(403, 'forbidden', `The token's scopes do not include system/${type}.${permission}.`);
}

export function fhirClientOf(request: FastifyRequest): FhirClient {
  if (!request.fhirClient) throw new FhirError(401, 'login', 'Send Authorization: Bearer <token>.');
  return request.fhirClient;
}
