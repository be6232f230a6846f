import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashToken, newId, newSecretToken } from '../../platform/ids.js';
import { formatScopes, parseScopes } from '../../../shared/fhir/scopes.js';
import type {
  ApiClient,
  ApiClientKeys,
  ApiClientList,
  ApiClientWithSecret,
  NewApiClient,
} from '../../../shared/fhir/api-clients.js';
import * as repo from './api-clients.repository.js';
import { teamMemberIdsOf, toApiClient } from './api-clients.mapper.js';
import { unusableKey } from './client-assertion.js';
import type { JwkSet } from '../../../shared/fhir/jwks.js';

const stale = (current: ApiClient) =>
  new AppError('precondition_failed', 'This API client was changed meanwhile. Reload and try again.', {
    current,
  });

async function shown(trx: Db, clinicId: string, row: repo.ApiClientRow): Promise<ApiClient> {
  const ids = teamMemberIdsOf(row) ?? [];
  const people = await repo.cliniciansAmong(trx, clinicId, ids);
  return toApiClient(row, new Map(people.map((p) => [p.id, p.name])));
}

async function audit(deps: AppDeps, trx: Db, actor: Actor, action: string, clientId: string) {
  await deps.audit.record(trx, actor.clinicId, actor, {
    action,
    resourceType: 'api_client',
    resourceId: clientId,
    patientId: null,
    outcome: 'allowed',
  });
}

/** The key set as stored, after checking each key is a real public key (400 at the key that is not). */
function keysText(jwks: JwkSet): string {
  const bad = unusableKey(jwks);
  if (bad !== null)
    throw new AppError('validation_failed', 'This key cannot be read as a public key.', [
      {
        path: `body.jwks.keys.${String(bad)}`,
        message: 'Not a usable key (an RSA key needs 2048 bits or more; an EC key a point on P-384).',
      },
    ]);
  return JSON.stringify(jwks);
}

/** A 32-byte random secret, shown once; only its SHA-256 is stored. */
function newSecret() {
  const secret = newSecretToken();
  return { secret, hash: hashToken(secret) };
}

/** Creates an API client; the answer carries its secret, the only time it is shown. */
export async function createApiClient(
  deps: AppDeps,
  actor: Actor,
  input: NewApiClient,
): Promise<ApiClientWithSecret> {
  const parsed = parseScopes(input.scopes);
  if (!parsed.ok)
    throw new AppError('validation_failed', parsed.message, [
      { path: 'body.scopes', message: parsed.message },
    ]);
  const memberIds = [...new Set(input.teamMemberIds ?? [])];
  const jwks = input.jwks === undefined ? null : keysText(input.jwks);
  return deps.database.transaction(async (trx) => {
    const found = await repo.cliniciansAmong(trx, actor.clinicId, memberIds);
    const unknown = memberIds.findIndex((id) => !found.some((f) => f.id === id));
    if (unknown >= 0)
      throw new AppError('validation_failed', 'Choose clinicians of this clinic for the care-team limit.', [
        { path: `body.teamMemberIds.${String(unknown)}`, message: 'Not a clinician of this clinic' },
      ]);
    const now = deps.clock.now();
    const { secret, hash } = newSecret();
    const id = newId();
    await repo.insertClient(trx, {
      id,
      clinic_id: actor.clinicId,
      name: input.name,
      scopes: formatScopes(parsed.scopes),
      team_member_ids: memberIds.length === 0 ? null : JSON.stringify(memberIds),
      secret_hash: hash,
      status: 'active',
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      secret_rotated_at: now,
      revoked_at: null,
      jwks,
    });
    await audit(deps, trx, actor, 'api_client.create', id);
    const row = await repo.findClient(trx, actor.clinicId, id);
    if (!row) throw new Error('client vanished inside its transaction');
    return { client: await shown(trx, actor.clinicId, row), clientSecret: secret };
  });
}

export function listApiClients(deps: AppDeps, actor: Actor): Promise<ApiClientList> {
  return deps.database.transaction(async (trx) => {
    const rows = await repo.clientsOfClinic(trx, actor.clinicId);
    const ids = [...new Set(rows.flatMap((r) => teamMemberIdsOf(r) ?? []))];
    const names = new Map((await repo.cliniciansAmong(trx, actor.clinicId, ids)).map((p) => [p.id, p.name]));
    return { clients: rows.map((r) => toApiClient(r, names)) };
  });
}

/** A new secret (the old one stops working, and so do the tokens it obtained). */
export function rotateApiClientSecret(
  deps: AppDeps,
  actor: Actor,
  clientId: string,
  expectedVersion: number,
): Promise<ApiClientWithSecret> {
  return deps.database.transaction(async (trx) => {
    const row = await repo.findClient(trx, actor.clinicId, clientId);
    if (!row) throw notFound('API client');
    if (row.version !== expectedVersion) throw stale(await shown(trx, actor.clinicId, row));
    if (row.status === 'revoked')
      throw new AppError('conflict', 'This API client is revoked; create a new one instead.');
    const now = deps.clock.now();
    const { secret, hash } = newSecret();
    if (
      !(await repo.updateClient(trx, actor.clinicId, clientId, expectedVersion, {
        secret_hash: hash,
        updated_at: now,
        secret_rotated_at: now,
      }))
    )
      throw stale(await shown(trx, actor.clinicId, row));
    await repo.deleteTokensOf(trx, actor.clinicId, clientId);
    await audit(deps, trx, actor, 'api_client.rotate', clientId);
    const updated = await repo.findClient(trx, actor.clinicId, clientId);
    if (!updated) throw new Error('client vanished inside its transaction');
    return { client: await shown(trx, actor.clinicId, updated), clientSecret: secret };
  });
}

/** Revokes a client for good: its tokens stop working at once. */
export function revokeApiClient(
  deps: AppDeps,
  actor: Actor,
  clientId: string,
  expectedVersion: number,
): Promise<ApiClient> {
  return deps.database.transaction(async (trx) => {
    const row = await repo.findClient(trx, actor.clinicId, clientId);
    if (!row) throw notFound('API client');
    if (row.version !== expectedVersion) throw stale(await shown(trx, actor.clinicId, row));
    if (row.status === 'revoked') return shown(trx, actor.clinicId, row);
    const now = deps.clock.now();
    if (
      !(await repo.updateClient(trx, actor.clinicId, clientId, expectedVersion, {
        status: 'revoked',
        updated_at: now,
        revoked_at: now,
      }))
    )
      throw stale(await shown(trx, actor.clinicId, row));
    await repo.deleteTokensOf(trx, actor.clinicId, clientId);
    await audit(deps, trx, actor, 'api_client.revoke', clientId);
    const updated = await repo.findClient(trx, actor.clinicId, clientId);
    if (!updated) throw new Error('client vanished inside its transaction');
    return shown(trx, actor.clinicId, updated);
  });
}

/** Registers or replaces a client's public keys for private_key_jwt, or (null) removes them. */
export function setApiClientKeys(
  deps: AppDeps,
  actor: Actor,
  clientId: string,
  expectedVersion: number,
  input: ApiClientKeys,
): Promise<ApiClient> {
  const jwks = input.jwks === null ? null : keysText(input.jwks);
  return deps.database.transaction(async (trx) => {
    const row = await repo.findClient(trx, actor.clinicId, clientId);
    if (!row) throw notFound('API client');
    if (row.version !== expectedVersion) throw stale(await shown(trx, actor.clinicId, row));
    if (row.status === 'revoked')
      throw new AppError('conflict', 'This API client is revoked; create a new one instead.');
    const now = deps.clock.now();
    if (!(await repo.updateClient(trx, actor.clinicId, clientId, expectedVersion, { jwks, updated_at: now })))
      throw stale(await shown(trx, actor.clinicId, row));
    await audit(deps, trx, actor, 'api_client.keys', clientId);
    const updated = await repo.findClient(trx, actor.clinicId, clientId);
    if (!updated) throw new Error('client vanished inside its transaction');
    return shown(trx, actor.clinicId, updated);
  });
}
