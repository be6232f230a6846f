import { sql, type Kysely } from 'kysely';

// Two-step sign-in and signed-in devices (issue 13):
// - two_factor: one TOTP secret per account (sealed with a server key), on once confirmed; last_used_step refuses a code used again in
//   the same 30 s step.
// - recovery_codes: hashed, single-use.
// - second_factor_challenges: the short-lived step between a right password and the code (hashed token).
// - known_devices: the long-lived cookie that lets the owner pass the account-wide sign-in delay (hashed).
// - sessions: the device (user agent, approximate address) and whether the session may only set up two-step
//   sign-in (the clinic requires it for staff).
// - clinics: existing clinics keep working as before: the staff rule is stored off (new clinics: on).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('two_factor')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('last_used_step', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').columns(['user_id']).execute();
  await db.schema
    .createTable('second_factor_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('known_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('known_devices_user').on('known_devices').columns(['user_id']).execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('client_address', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('two_factor_setup_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const clinics = await sql<{ id: string; settings: string }>`select id, settings from clinics`.execute(db);
  for (const clinic of clinics.rows) {
    await sql`update clinics set settings = ${offForExistingClinic(clinic.settings)} where id = ${clinic.id}`.execute(
      db,
    );
  }
}

function offForExistingClinic(json: string): string {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    stored = {};
  }
  const base = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
  return JSON.stringify({ staffTwoFactorRequired: false, ...base });
}
