import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_AUDIT_HMAC_KEY,
  type TestContext,
} from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { cliCommand } from '../../testing/server-command.js';
import { verifyAuditChain } from './audit.js';
import { loadAuditKeys } from './audit-keys.js';

const run = promisify(execFile);
let t: TestContext;
let therapist: BuiltUser;
let patient: BuiltPatient;
let clinicId: string;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  clinicId = clinic;
  therapist = await buildUser(t.deps, clinic, 'therapist');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

describe('audit trail', () => {
  it('records every read of patient data with actor, role, patient, action and outcome', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    await call(t.app, s, 'GET', `/api/patients/${patient.overview.id}`);
    const row = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('patient_id', '=', patient.overview.id)
      .where('action', '=', 'patient.read')
      .executeTakeFirst();
    expect(row).toMatchObject({
      actor_id: therapist.id,
      actor_role: 'therapist',
      outcome: 'allowed',
      resource_type: 'patient',
    });
    expect(Number(row?.at)).toBe(t.clock.now());
  });

  it('keeps one unbroken chain under concurrent requests', async () => {
    const s = await signIn(t.app, therapist.email, PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => call(t.app, s, 'GET', `/api/patients/${patient.overview.id}`)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const report = await verifyAuditChain(db(), loadAuditKeys(t.config));
    expect(report).toMatchObject({ ok: true });
    expect(report.ok && report.events).toBeGreaterThan(25);
  });

  it('an append waiting for the chain extends the end committed while it waited, never the end it saw first', async () => {
    // On PostgreSQL the lock and the chain's end are read in one call (migration 055): a read with a snapshot
    // taken before the lock was granted would extend the older end (seq taken twice: the insert fails).
    const actor = {
      userId: therapist.id,
      role: therapist.role,
      clinicId,
      patientId: null,
      sessionIdHash: 'test',
      csrfToken: 'test',
    };
    const entry = (action: string) => ({
      action,
      resourceType: 'registry',
      resourceId: null,
      patientId: null,
      outcome: 'allowed' as const,
    });
    let second: Promise<void> | undefined;
    await t.deps.database.transaction(async (trx) => {
      await t.deps.audit.record(trx, clinicId, actor, entry('chain.first'));
      // Starts while this transaction holds the chain and has not committed; it waits for the lock.
      second = t.deps.database.transaction((other) =>
        t.deps.audit.record(other, clinicId, actor, entry('chain.second')),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await second;
    const rows = await db()
      .selectFrom('audit_events')
      .select(['seq', 'action'])
      .where('clinic_id', '=', clinicId)
      .where('action', 'in', ['chain.first', 'chain.second'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['chain.first', 'chain.second']);
    expect(Number(rows[1]?.seq)).toBe(Number(rows[0]?.seq) + 1);
    expect(await verifyAuditChain(db(), loadAuditKeys(t.config))).toMatchObject({ ok: true });
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await expect(
      db().updateTable('audit_events').set({ action: 'x' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_events').where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('finds the first broken link after tampering with a row', async () => {
    // Simulate someone with direct database access: lift the guard, then edit one event's content.
    const engine = t.deps.database.engine;
    if (engine === 'sqlite') await sql`drop trigger audit_events_no_update`.execute(db());
    else await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db());
    await db().updateTable('audit_events').set({ actor_id: 'someone-else' }).where('seq', '=', 3).execute();
    const report = await verifyAuditChain(db(), loadAuditKeys(t.config));
    expect(report).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'HMAC does not match: event changed or forged',
    });

    if (t.testDb.location.databaseUrl === null) {
      const cli = await run(...cliCommand('audit-verify'), {
        env: {
          ...process.env,
          DATA_DIR: t.testDb.location.sqlitePath.replace(/\/duet\.sqlite$/, ''),
          DATABASE_URL: '',
          AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY,
        },
      }).catch((e: unknown) => e as { code: number; stderr: string });
      expect('code' in cli ? cli.code : 0).toBe(1);
      expect('stderr' in cli ? cli.stderr : '').toMatch(/BROKEN .* #3/);
    }
  }, 90_000); // a CLI child process: over 20 s to start on a loaded machine
});
