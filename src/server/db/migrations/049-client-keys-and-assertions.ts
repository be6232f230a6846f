import type { Kysely } from 'kysely';

// Issue 16: SMART Backend Services `private_key_jwt`. An API client may register a JSON Web Key Set (public keys
// only) and authenticate with a signed JWT instead of its secret; each JWT's `jti` is remembered until the JWT
// expires so a replay is refused. And reading an AuditEvent by id (the access report over FHIR) finds the event
// by its id within the clinic.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The JWK Set as JSON text (shared/fhir/jwks.ts validates it); null: no keys, the secret only.
  await db.schema.alterTable('api_clients').addColumn('jwks', 'text').execute();

  await db.schema
    .createTable('api_client_assertions')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('jti', 'text', (c) => c.notNull())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    // The JWT's exp (epoch ms): until then the same jti is a replay.
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_client_assertions_pk', ['client_id', 'jti'])
    .execute();
  await db.schema
    .createIndex('api_client_assertions_expiry')
    .on('api_client_assertions')
    .columns(['client_id', 'expires_at'])
    .execute();

  await db.schema
    .createIndex('audit_events_clinic_id')
    .on('audit_events')
    .columns(['clinic_id', 'id'])
    .execute();
}
