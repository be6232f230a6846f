import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { newId } from '../../platform/ids.js';
import { overviewRows, overviewRowsOneByOne } from './patients.service.js';
import { onPostgres } from './patients.repository.js';

// Issue 19: on PostgreSQL the overview's four reads are one statement; it must give exactly the rows the four
// statements give (SQLite's path), in the same orders. Runs on both engines (the postgres leg sets
// DUET_TEST_DATABASE_URL); on SQLite both functions take the four statements.

let t: TestContext;
let clinicId: string;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let careManager: BuiltUser;
let patient: BuiltPatient;
let bare: BuiltPatient;

async function removal(user: BuiltUser, role: string, at: number, reason: string | null): Promise<void> {
  await t.deps.database.db
    .insertInto('care_team_changes')
    .values({
      id: newId(),
      clinic_id: clinicId,
      patient_id: patient.overview.id,
      user_id: user.id,
      role,
      change: 'removed',
      by_user_id: therapist.id,
      at,
      reason,
    })
    .execute();
}

async function emailChange(newEmail: string, createdAt: number, expiresAt: number, revokedAt: number | null) {
  await t.deps.database.db
    .insertInto('email_changes')
    .values({
      id: newId(),
      clinic_id: clinicId,
      user_id: patient.user.id,
      new_email: newEmail,
      token_hash: newId(),
      expires_at: expiresAt,
      used_at: null,
      revoked_at: revokedAt,
      requested_by: therapist.id,
      created_at: createdAt,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinicId, 'therapist');
  prescriber = await buildUser(t.deps, clinicId, 'prescriber');
  careManager = await buildUser(t.deps, clinicId, 'care_manager');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  bare = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
  const now = t.deps.clock.now();
  // Two removals of the care manager role (nobody holds it now): the newer counts; one of a role still held.
  await removal(careManager, 'care_manager', now - 5000, 'Older note');
  await removal(careManager, 'care_manager', now - 1000, 'Left the clinic');
  await removal(prescriber, 'prescriber', now - 3000, 'Still held');
  // Open changes: the newest open one is pending; a revoked and an expired one are not.
  await emailChange('older@mail.test', now - 9000, now + 60_000, null);
  await emailChange('newest@mail.test', now - 2000, now + 60_000, null);
  await emailChange('revoked@mail.test', now - 100, now + 60_000, now - 50);
  await emailChange('expired@mail.test', now - 90, now, null);
});
afterAll(() => t.close());

describe('the overview rows (issue 19): one statement on PostgreSQL, the same rows as four', () => {
  it('reads the patient, the team in role and name order, the pending address and the open removals', async () => {
    const db = t.deps.database.db;
    const now = t.deps.clock.now();
    const rows = await overviewRows(db, clinicId, patient.overview.id, now, true);
    expect(rows?.patient).toMatchObject({
      id: patient.overview.id,
      clinic_id: clinicId,
      user_id: patient.user.id,
      account_status: 'active',
      version: patient.overview.version,
    });
    expect(rows?.team.map((m) => [m.role, m.user_id])).toEqual([
      ['prescriber', prescriber.id],
      ['therapist', therapist.id],
    ]);
    expect(rows?.team[0]).toEqual({
      patient_id: patient.overview.id,
      user_id: prescriber.id,
      role: 'prescriber',
      added_at: expect.any(Number),
      name: prescriber.name,
      email: prescriber.email,
    });
    expect(rows?.pendingEmail).toBe('newest@mail.test');
    expect(rows?.removals).toEqual([
      {
        role: 'care_manager',
        reason: 'Left the clinic',
        at: now - 1000,
        left_name: careManager.name,
        by_name: therapist.name,
      },
    ]);
  });

  it('gives exactly what the four statements give, for staff, for the patient and for a bare record', async () => {
    const db = t.deps.database.db;
    const now = t.deps.clock.now();
    for (const id of [patient.overview.id, bare.overview.id])
      for (const forStaff of [true, false]) {
        const one = await overviewRows(db, clinicId, id, now, forStaff);
        expect(one).toEqual(await overviewRowsOneByOne(db, clinicId, id, now, forStaff));
        if (!forStaff) expect(one?.removals).toEqual([]);
      }
    expect((await overviewRows(db, clinicId, bare.overview.id, now, true))?.pendingEmail).toBeNull();
    // Later, the newest change has expired too: the older one is not pending either (it expires at the same time).
    expect(await overviewRows(db, clinicId, patient.overview.id, now + 60_000, true)).toEqual(
      await overviewRowsOneByOne(db, clinicId, patient.overview.id, now + 60_000, true),
    );
  });

  it('is undefined for an unknown id and for another clinic’s patient', async () => {
    const db = t.deps.database.db;
    const other = await buildClinic(t.deps, 'Other clinic');
    const now = t.deps.clock.now();
    expect(await overviewRows(db, other, patient.overview.id, now, true)).toBeUndefined();
    expect(
      await overviewRows(db, clinicId, '01900000-0000-7000-8000-000000000000', now, true),
    ).toBeUndefined();
  });

  it('takes the one-statement path exactly when the test database is PostgreSQL', () => {
    const engine = process.env.DUET_TEST_DATABASE_URL ? 'postgres' : 'sqlite';
    expect(t.deps.database.engine).toBe(engine);
    expect(onPostgres(t.deps.database.db)).toBe(engine === 'postgres');
  });
});
