import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-query.js';
import type { ApiClientAssertionTable, ApiClientTable, ApiTokenTable } from '../../db/schema-api-clients.js';

export type ApiClientRow = Selectable<ApiClientTable>;

export async function insertClient(db: Db, row: Insertable<ApiClientTable>): Promise<void> {
  await db.insertInto('api_clients').values(row).execute();
}

export function clientsOfClinic(db: Db, clinicId: string): Promise<ApiClientRow[]> {
  return db
    .selectFrom('api_clients')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findClient(db: Db, clinicId: string, id: string): Promise<ApiClientRow | undefined> {
  return db
    .selectFrom('api_clients')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The token endpoint knows only the client id (any clinic): the id is a UUIDv7, unique across clinics. */
export function findClientById(db: Db, id: string): Promise<ApiClientRow | undefined> {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a client at the version the admin saw; false when it moved meanwhile. */
export async function updateClient(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  values: Partial<
    Pick<
      ApiClientTable,
      'secret_hash' | 'status' | 'updated_at' | 'secret_rotated_at' | 'revoked_at' | 'jwks'
    >
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('api_clients')
    .set({ ...values, version: version + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The clinicians of the clinic among these ids, with their names (the care-team limit names clinicians). */
export function cliniciansAmong(
  db: Db,
  clinicId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', ids)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .execute();
}

export async function insertToken(db: Db, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** Forgets every token of a client (revocation and rotation end its access at once). */
export async function deleteTokensOf(db: Db, clinicId: string, clientId: string): Promise<void> {
  await db
    .deleteFrom('api_tokens')
    .where('clinic_id', '=', clinicId)
    .where('client_id', '=', clientId)
    .execute();
}

/** Expired tokens of a client are dropped when it asks for a new one, so the table stays small. */
export async function deleteExpiredTokensOf(db: Db, clientId: string, now: number): Promise<void> {
  await db
    .deleteFrom('api_tokens')
    .where('client_id', '=', clientId)
    .where('expires_at', '<=', now)
    .execute();
}

export interface TokenHolder {
  clinic_id: string;
  client_id: string;
  scopes: string;
  expires_at: number;
  team_member_ids: string | null;
  status: string;
  created_by: string;
}

/** The token's client, read with the token in one query (every FHIR request does this). */
/** Every FHIR request looks its bearer token up: the query is built and compiled once (issue 16). */
const tokenHolderQuery = compiledOnce((db: Db, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('api_clients as c', (j) =>
      j.onRef('c.id', '=', 't.client_id').onRef('c.clinic_id', '=', 't.clinic_id'),
    )
    .select([
      't.clinic_id',
      't.client_id',
      't.scopes',
      't.expires_at',
      'c.team_member_ids',
      'c.status',
      'c.created_by',
    ])
    .where('t.token_hash', '=', tokenHash),
);

export async function tokenHolder(db: Db, tokenHash: string): Promise<TokenHolder | undefined> {
  return (await tokenHolderQuery(db, tokenHash))[0];
}

/**
 * Remembers a client assertion's jti until it expires; false when the client already used it (a replay). The
 * client's expired jtis are dropped first, so the table holds only what can still be replayed.
 */
export async function rememberAssertion(db: Db, row: ApiClientAssertionTable, now: number): Promise<boolean> {
  await db
    .deleteFrom('api_client_assertions')
    .where('client_id', '=', row.client_id)
    .where('expires_at', '<=', now)
    .execute();
  const r = await db
    .insertInto('api_client_assertions')
    .values(row)
    .onConflict((oc) => oc.columns(['client_id', 'jti']).doNothing())
    .executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
