import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { hashToken, newSecretToken } from '../../platform/ids.js';
import { formatScopes, narrowScopes, parseScopes } from '../../../shared/fhir/scopes.js';
import * as repo from './api-clients.repository.js';
import { clientActor } from './client-actor.js';
import { claimsProblem, JWT_BEARER, parseAssertion, signedBy, storedKeySet } from './client-assertion.js';

/** Access tokens live 5 minutes (SMART Backend Services recommends no more than five minutes). */
export const TOKEN_LIFETIME_SECONDS = 300;

/** An RFC 6749 §5.2 error: `error` is one of the registered codes, answered with its status. */
export class OAuthError extends Error {
  constructor(
    readonly error:
      'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
    readonly status: 400 | 401 = 400,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

export interface TokenRequest {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** private_key_jwt: `client_assertion_type` and `client_assertion`. */
  clientAssertionType?: string | undefined;
  clientAssertion?: string | undefined;
  scope: string | undefined;
}

export interface TokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The client by its secret (client_secret_basic or client_secret_post). */
async function bySecret(deps: AppDeps, request: TokenRequest) {
  if (!request.clientId || !request.clientSecret)
    throw new OAuthError('invalid_client', 'Send the client id and secret (HTTP Basic or in the body).', 401);
  const client = await repo.findClientById(deps.database.db, request.clientId);
  // One answer for an unknown client, a wrong secret and a revoked client: nothing to probe.
  if (client?.status !== 'active' || !sameHash(client.secret_hash, hashToken(request.clientSecret)))
    throw new OAuthError('invalid_client', 'Unknown client, wrong secret, or a revoked client.', 401);
  return { client, jti: null };
}

/**
 * The client by a signed JWT (private_key_jwt, SMART Backend Services): signed with a key the client registered
 * (by kid), iss = sub = the client id, aud = this token URL, exp at most five minutes ahead, a jti not used
 * before. The jti is remembered in the token's transaction (a replay is refused until the JWT expires).
 */
async function byAssertion(deps: AppDeps, request: TokenRequest) {
  if (request.clientAssertionType !== JWT_BEARER)
    throw new OAuthError('invalid_request', `client_assertion_type must be ${JWT_BEARER}.`);
  if (request.clientSecret !== undefined)
    throw new OAuthError('invalid_request', 'Authenticate one way only: a secret or an assertion.');
  const assertion = parseAssertion(request.clientAssertion ?? '');
  const unverified = new OAuthError(
    'invalid_client',
    'The assertion could not be verified with a key of an active client (check iss and kid).',
    401,
  );
  if (!assertion || typeof assertion.iss !== 'string') throw unverified;
  if (request.clientId !== undefined && request.clientId !== assertion.iss)
    throw new OAuthError('invalid_client', 'client_id and the assertion’s iss differ.', 401);
  const client = await repo.findClientById(deps.database.db, assertion.iss);
  const key = storedKeySet(client?.jwks)?.keys.find((k) => k.kid === assertion.kid);
  // One answer for an unknown client, a revoked one, an unknown kid and a bad signature.
  if (client?.status !== 'active' || !key || !signedBy(assertion, key)) throw unverified;
  const problem = claimsProblem(assertion, {
    clientId: client.id,
    tokenUrl: `${deps.config.publicUrl}/oauth2/token`,
    nowMs: deps.clock.now(),
  });
  if (problem !== null) throw new OAuthError('invalid_client', problem, 401);
  const exp = Number(assertion.exp) * 1000;
  return { client, jti: { jti: String(assertion.jti), expiresAt: Math.ceil(exp) } };
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): a client's id and secret, or a signed JWT (private_key_jwt), for
 * a short-lived bearer token.
 */
export async function issueToken(deps: AppDeps, request: TokenRequest): Promise<TokenAnswer> {
  if (request.grantType !== 'client_credentials')
    throw new OAuthError(
      request.grantType === undefined ? 'invalid_request' : 'unsupported_grant_type',
      'grant_type must be client_credentials.',
    );
  const asserted = request.clientAssertionType !== undefined || request.clientAssertion !== undefined;
  const { client, jti } = asserted ? await byAssertion(deps, request) : await bySecret(deps, request);
  const granted = parseScopes(client.scopes);
  if (!granted.ok) throw new OAuthError('invalid_client', 'This client has no usable scopes.', 401);
  let scopes = granted.scopes;
  if (request.scope !== undefined && request.scope.trim() !== '') {
    const asked = parseScopes(request.scope);
    if (!asked.ok) throw new OAuthError('invalid_scope', `${asked.scope}: ${asked.message}`);
    const narrowed = narrowScopes(granted.scopes, asked.scopes);
    if (!narrowed) throw new OAuthError('invalid_scope', 'A requested scope was not granted to this client.');
    scopes = narrowed;
  }
  const token = newSecretToken();
  const now = deps.clock.now();
  const scope = formatScopes(scopes);
  await deps.database.transaction(async (trx) => {
    if (
      jti !== null &&
      !(await repo.rememberAssertion(
        trx,
        { client_id: client.id, jti: jti.jti, clinic_id: client.clinic_id, expires_at: jti.expiresAt },
        now,
      ))
    )
      throw new OAuthError('invalid_client', 'This assertion was already used (its jti is spent).', 401);
    await repo.deleteExpiredTokensOf(trx, client.id, now);
    await repo.insertToken(trx, {
      token_hash: hashToken(token),
      clinic_id: client.clinic_id,
      client_id: client.id,
      scopes: scope,
      created_at: now,
      expires_at: now + TOKEN_LIFETIME_SECONDS * 1000,
    });
    await deps.audit.record(trx, client.clinic_id, clientActor(client.clinic_id, client.id), {
      action: 'api_client.token',
      resourceType: 'api_client',
      resourceId: client.id,
      patientId: null,
      outcome: 'allowed',
    });
  });
  return { access_token: token, token_type: 'bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope };
}

export interface BearerHolder {
  clinicId: string;
  clientId: string;
  scopes: string;
  /** The care-team limit: clinician ids, or null for the whole clinic. */
  teamMemberIds: string[] | null;
  /** The admin who created the client: the account its writes are recorded as entered by. */
  createdBy: string;
}

/** The client a bearer token belongs to, or null when the token is unknown, expired or its client revoked. */
export async function bearerHolder(deps: AppDeps, token: string): Promise<BearerHolder | null> {
  const row = await repo.tokenHolder(deps.database.db, hashToken(token));
  if (!row || row.status !== 'active' || row.expires_at <= deps.clock.now()) return null;
  return {
    clinicId: row.clinic_id,
    clientId: row.client_id,
    scopes: row.scopes,
    teamMemberIds: row.team_member_ids === null ? null : (JSON.parse(row.team_member_ids) as string[]),
    createdBy: row.created_by,
  };
}
