import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TwoFactorTable } from '../../db/schema-two-factor.js';

export async function findTwoFactor(db: Db, userId: string): Promise<TwoFactorTable | undefined> {
  return db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A fresh, unconfirmed set-up replaces an earlier unconfirmed one (never a confirmed one). */
export async function startSetup(
  db: Db,
  row: { user_id: string; clinic_id: string; secret: string },
  now: number,
): Promise<void> {
  await db
    .deleteFrom('two_factor')
    .where('user_id', '=', row.user_id)
    .where('confirmed_at', 'is', null)
    .execute();
  await db
    .insertInto('two_factor')
    .values({
      ...row,
      confirmed_at: null,
      last_used_step: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Takes a step for a code, atomically: succeeds only when the step is later than the last one used, so two
 * requests racing with the same code cannot both pass.
 */
export async function useStep(db: Db, userId: string, step: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('two_factor')
    .set({ last_used_step: step, updated_at: now, version: sql<number>`version + 1` })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function confirm(db: Db, userId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('two_factor')
    .set({ confirmed_at: now, updated_at: now, version: sql<number>`version + 1` })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function removeTwoFactor(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('two_factor').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(
  db: Db,
  rows: { id: string; clinic_id: string; user_id: string; code_hash: string }[],
  userId: string,
  now: number,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(rows.map((r) => ({ ...r, used_at: null, created_at: now })))
    .execute();
}

/** Uses up a recovery code, atomically (a second use, even a concurrent one, finds it used). */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertChallenge(
  db: Db,
  row: { token_hash: string; clinic_id: string; user_id: string; expires_at: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('second_factor_challenges')
    .values({ ...row, attempts: 0, used_at: null, created_at: now })
    .execute();
}

/**
 * Counts one code attempt on an open challenge, atomically; answers the challenge (with the count after this
 * attempt) or undefined when it is unknown, used, expired or out of attempts.
 */
export async function takeChallengeAttempt(db: Db, tokenHash: string, now: number, maxAttempts: number) {
  const result = await db
    .updateTable('second_factor_challenges')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return undefined;
  return db
    .selectFrom('second_factor_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function useChallenge(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('second_factor_challenges')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Challenges are worth nothing once expired. */
export async function purgeChallenges(db: Db, now: number): Promise<void> {
  await db.deleteFrom('second_factor_challenges').where('expires_at', '<=', now).execute();
}
