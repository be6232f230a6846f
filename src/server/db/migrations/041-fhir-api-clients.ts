import type { Kysely } from 'kysely';

// Issue 16: API clients of a clinic (an EHR integration, a screening tool) and the short-lived bearer tokens
// they get with OAuth 2.0 client credentials. Secrets and tokens are stored as SHA-256 only. The FHIR search
// reads Duet's own tables; the two indexes below serve "a patient's latest scores" across both
// questionnaires and the clinic-wide `_lastUpdated` search of patients.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // SMART v2 scopes, space-separated, as the admin granted them (shared/fhir/scopes.ts validates).
    .addColumn('scopes', 'text', (c) => c.notNull())
    // JSON array of clinician ids: the client reaches only patients one of them is on the care team of.
    // Null: the whole clinic.
    .addColumn('team_member_ids', 'text')
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('api_clients_clinic')
    .on('api_clients')
    .columns(['clinic_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // The scopes granted to this token (a subset of the client's when it asked for fewer).
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('api_tokens_client')
    .on('api_tokens')
    .columns(['client_id', 'expires_at'])
    .execute();

  await db.schema
    .createIndex('questionnaire_responses_patient_answered')
    .on('questionnaire_responses')
    .columns(['clinic_id', 'patient_id', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('patients_clinic_updated')
    .on('patients')
    .columns(['clinic_id', 'updated_at'])
    .execute();
}
