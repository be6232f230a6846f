// Issue 19: one path for audited reads. Reads arriving together share one audit commit, each answers only once
// its own event is durable, an audit that fails answers an error and no data, and the care-team check runs
// once per request. Runs on SQLite here and on PostgreSQL in CI (DUET_TEST_DATABASE_URL).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_AUDIT_HMAC_KEY,
  type Session,
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
import { verifyAuditChain } from '../audit/audit.js';
import { keyRingFrom } from '../audit/audit-keys.js';

let t: TestContext;
let therapist: BuiltUser;
let session: Session;
let patients: BuiltPatient[];

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  patients = [];
  for (let i = 0; i < 4; i++)
    patients.push(
      await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }], {
        givenName: `Reader${String(i)}`,
      }),
    );
  session = await signIn(t.app, therapist.email, PASSWORD);
});
afterAll(() => t.close());

const idOf = (i: number) => patients[i]?.overview.id ?? '';

async function readEventsOf(patientId: string): Promise<number> {
  const row = await t.deps.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('action', '=', 'patient.read')
    .where('patient_id', '=', patientId)
    .where('actor_id', '=', therapist.id)
    .where('outcome', '=', 'allowed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts the write transactions the database runs (the audit commits: reads themselves take none). */
function countTransactions(): { count: () => number; restore: () => void } {
  const database = t.deps.database;
  const original = { transaction: database.transaction, durable: database.durableTransaction };
  let n = 0;
  database.transaction = (fn) => {
    n++;
    return original.transaction(fn);
  };
  database.durableTransaction = (fn) => {
    n++;
    return original.durable(fn);
  };
  return {
    count: () => n,
    restore: () => {
      database.transaction = original.transaction;
      database.durableTransaction = original.durable;
    },
  };
}

async function chainIsIntact(): Promise<void> {
  expect(await verifyAuditChain(t.deps.database.db, keyRingFrom(TEST_AUDIT_HMAC_KEY))).toMatchObject({
    ok: true,
  });
}

describe('audited reads share one commit', () => {
  it('N concurrent overview reads: every one answered and audited, in fewer commits than N', async () => {
    const n = 24;
    const before = await Promise.all(patients.map((p) => readEventsOf(p.overview.id)));
    const commits = countTransactions();
    let answers;
    try {
      answers = await Promise.all(
        Array.from({ length: n }, (_, i) => call(t.app, session, 'GET', `/api/patients/${idOf(i % 4)}`)),
      );
    } finally {
      commits.restore();
    }
    for (const [i, res] of answers.entries()) {
      expect(res.statusCode).toBe(200);
      expect(res.json<{ id: string }>().id).toBe(idOf(i % 4));
    }
    expect(commits.count()).toBeGreaterThan(0);
    expect(commits.count()).toBeLessThan(n);
    if (t.deps.database.engine === 'sqlite') {
      // The shared commit flushes the WAL itself; every other transaction keeps synchronous=FULL (2).
      const mode = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.deps.database.db);
      expect(mode.rows[0]?.synchronous).toBe(2);
    }
    const after = await Promise.all(patients.map((p) => readEventsOf(p.overview.id)));
    expect(after.map((a, i) => a - (before[i] ?? 0))).toEqual([6, 6, 6, 6]);
    await chainIsIntact();
  });

  it('the caseload list and the overview read together: each list entry and each read audited', async () => {
    const before = await readEventsOf(idOf(0));
    const [list, one] = await Promise.all([
      call(t.app, session, 'GET', '/api/patients'),
      call(t.app, session, 'GET', `/api/patients/${idOf(0)}`),
    ]);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ patients: unknown[] }>().patients).toHaveLength(4);
    expect(one.statusCode).toBe(200);
    expect(await readEventsOf(idOf(0))).toBe(before + 1);
    // Issue 19: one list event, naming the four patients (what each one's access report reads).
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['patient_id', 'patient_count'])
      .where('action', '=', 'caseload.read')
      .where('actor_id', '=', therapist.id)
      .execute();
    expect(events).toEqual([{ patient_id: null, patient_count: 4 }]);
    const listed = await t.deps.database.db
      .selectFrom('audit_patient_events')
      .select('patient_id')
      .where('action', '=', 'caseload.read')
      .where('actor_id', '=', therapist.id)
      .execute();
    expect(listed.map((r) => r.patient_id).sort()).toEqual(patients.map((p) => p.overview.id).sort());
    await chainIsIntact();
  });
  it('a list of 150 patients shown is 150 events in order, the chain intact (statements of 64, 8 and 1)', async () => {
    const shown = Array.from({ length: 150 }, (_, i) => `listed-${String(i).padStart(3, '0')}`);
    await t.deps.audit.recordReads(
      therapist.clinicId,
      therapist.actor,
      shown.map((resourceId) => ({
        action: 'test.long_list',
        resourceType: 'test',
        resourceId,
        patientId: null,
        outcome: 'allowed' as const,
      })),
    );
    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'seq'])
      .where('action', '=', 'test.long_list')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.resource_id)).toEqual(shown);
    expect(rows.at(-1)?.seq).toBe((rows[0]?.seq ?? 0) + 149);
    await chainIsIntact();
  });
});

describe('an audit that fails answers no data', () => {
  const failing = () => idOf(1);

  async function failAuditOf(patientId: string): Promise<void> {
    const db = t.deps.database.db;
    if (t.deps.database.engine === 'sqlite') {
      await sql
        .raw(
          `create trigger test_audit_fails before insert on audit_events
           when new.action = 'patient.read' and new.patient_id = '${patientId}'
           begin select raise(abort, 'the audit disk is full'); end`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create function test_audit_fails() returns trigger language plpgsql as $$
           begin
             if new.action = 'patient.read' and new.patient_id = '${patientId}' then
               raise exception 'the audit disk is full';
             end if;
             return new;
           end $$;
           create trigger test_audit_fails before insert on audit_events
           for each row execute function test_audit_fails();`,
        )
        .execute(db);
    }
  }

  async function auditWorksAgain(): Promise<void> {
    const db = t.deps.database.db;
    if (t.deps.database.engine === 'sqlite') await sql.raw('drop trigger test_audit_fails').execute(db);
    else
      await sql
        .raw('drop trigger test_audit_fails on audit_events; drop function test_audit_fails();')
        .execute(db);
  }

  it('the read whose event cannot be written answers 500 without the record; reads beside it still answer', async () => {
    const name = patients[1]?.overview.givenName ?? '';
    const [before0, before1] = [await readEventsOf(idOf(0)), await readEventsOf(failing())];
    await failAuditOf(failing());
    let answers;
    try {
      // Sent together, so they fall into one shared commit that fails as a whole at first.
      answers = await Promise.all([
        call(t.app, session, 'GET', `/api/patients/${idOf(0)}`),
        call(t.app, session, 'GET', `/api/patients/${failing()}`),
        call(t.app, session, 'GET', `/api/patients/${idOf(2)}`),
      ]);
    } finally {
      await auditWorksAgain();
    }
    const [ok, refused, alsoOk] = answers;
    expect(refused.statusCode).toBe(500);
    expect(refused.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side.' },
    });
    expect(refused.body).not.toContain(name);
    expect(refused.body).not.toContain(failing());
    expect(ok.statusCode).toBe(200);
    expect(alsoOk.statusCode).toBe(200);
    expect(await readEventsOf(idOf(0))).toBe(before0 + 1);
    expect(await readEventsOf(failing())).toBe(before1);
    await chainIsIntact();
    // And once the audit works again, so does the read.
    expect((await call(t.app, session, 'GET', `/api/patients/${failing()}`)).statusCode).toBe(200);
  });
});

describe('the care-team check runs once per request', () => {
  // Alone, or on a patient's route read with the session in one statement (issue 19, eighth session).
  const careTeamCheck =
    /from "care_team_members"(?: as "m")? where "(?:m"\.")?clinic_id" = \S+ and "(?:m"\.")?user_id" = \S+ and "(?:m"\.")?patient_id"/;

  function countChecks(): { count: () => number; restore: () => void } {
    const spy = vi.spyOn(t.deps.database.db, 'executeQuery');
    return {
      count: () => spy.mock.calls.filter(([query]) => 'sql' in query && careTeamCheck.test(query.sql)).length,
      restore: () => spy.mockRestore(),
    };
  }

  it('an overview read asks the database once (the gate), the read reuses the answer', async () => {
    const checks = countChecks();
    try {
      const res = await call(t.app, session, 'GET', `/api/patients/${idOf(3)}`);
      expect(res.statusCode).toBe(200);
      expect(checks.count()).toBe(1);
      // A second request asks again: nothing is kept between requests.
      expect((await call(t.app, session, 'GET', `/api/patients/${idOf(3)}`)).statusCode).toBe(200);
      expect(checks.count()).toBe(2);
    } finally {
      checks.restore();
    }
  });

  it('a clinician taken off the team is refused at the next request (404, audited)', async () => {
    const prescriber = await buildUser(t.deps, therapist.clinicId, 'prescriber');
    const p = await buildPatient(t.deps, therapist, [
      { user: therapist, role: 'therapist' },
      { user: prescriber, role: 'prescriber' },
    ]);
    const theirs = await signIn(t.app, prescriber.email, PASSWORD);
    expect((await call(t.app, theirs, 'GET', `/api/patients/${p.overview.id}`)).statusCode).toBe(200);
    const team = await call(
      t.app,
      session,
      'PUT',
      `/api/patients/${p.overview.id}/care-team`,
      { members: [{ userId: therapist.id, role: 'therapist' }] },
      { 'if-match': `"${String(p.overview.careTeamVersion)}"` },
    );
    expect(team.statusCode).toBe(200);
    expect((await call(t.app, theirs, 'GET', `/api/patients/${p.overview.id}`)).statusCode).toBe(404);
    const denied = await t.deps.database.db
      .selectFrom('audit_events')
      .select('outcome')
      .where('actor_id', '=', prescriber.id)
      .where('patient_id', '=', p.overview.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
