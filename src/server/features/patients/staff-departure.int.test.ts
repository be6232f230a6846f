// Issue 15: deactivating a clinician leaves no patient behind (impact list, a choice per patient, the care
// team and the open alerts move in one transaction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { raiseTestAlert } from '../../testing/alerts.js';

let t: TestContext;
let admin: BuiltUser;
let adminSession: Session;
let prescriber: BuiltUser;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps, 'Riverside Clinic');
  admin = await buildUser(t.deps, clinic, 'admin');
  prescriber = await buildUser(t.deps, clinic, 'prescriber');
  adminSession = await signIn(t.app, admin.email, PASSWORD);
});
afterAll(() => t.close());

const impactUrl = (id: string) => `/api/admin/users/${id}/deactivation-impact`;
const deactivateUrl = (id: string) => `/api/admin/users/${id}/deactivate`;

async function teamOf(patientId: string) {
  return t.deps.database.db
    .selectFrom('care_team_members')
    .select(['user_id', 'role'])
    .where('patient_id', '=', patientId)
    .orderBy('role')
    .orderBy('user_id')
    .execute();
}

async function recipientsOf(alertId: string) {
  const rows = await t.deps.database.db
    .selectFrom('alert_recipients')
    .select('user_id')
    .where('alert_id', '=', alertId)
    .execute();
  return rows.map((r) => r.user_id).sort();
}

/** A therapist on two care teams (alone in the role on one), with an open alert about the first patient. */
async function therapistWithCaseload() {
  const therapist = await buildUser(t.deps, admin.clinicId, 'therapist');
  const colleague = await buildUser(t.deps, admin.clinicId, 'therapist');
  const alone = await buildPatient(
    t.deps,
    therapist,
    [
      { user: therapist, role: 'therapist' },
      { user: prescriber, role: 'prescriber' },
    ],
    { givenName: 'Ana', familyName: 'Alone' },
  );
  const shared = await buildPatient(
    t.deps,
    therapist,
    [
      { user: therapist, role: 'therapist' },
      { user: colleague, role: 'therapist' },
    ],
    { givenName: 'Sam', familyName: 'Shared' },
  );
  const alertId = await raiseTestAlert(t.deps, alone.overview.id, admin.clinicId);
  return {
    therapist,
    colleague,
    alone: alone.overview.id,
    aloneUser: alone.user,
    shared: shared.overview.id,
    alertId,
  };
}

describe('deactivation impact', () => {
  it('lists the patients (role, only one in it), their open alerts, and the total', async () => {
    const c = await therapistWithCaseload();
    const res = await call(t.app, adminSession, 'GET', impactUrl(c.therapist.id));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.openAlerts).toBe(1);
    expect(body.patients).toEqual([
      { patientId: c.alone, name: 'Ana Alone', role: 'therapist', onlyOneInRole: true, openAlerts: 1 },
      { patientId: c.shared, name: 'Sam Shared', role: 'therapist', onlyOneInRole: false, openAlerts: 0 },
    ]);
  });

  it('answers 404 for another clinic’s user and 403 for a clinician', async () => {
    const other = await buildClinic(t.deps, 'Elsewhere');
    const stranger = await buildUser(t.deps, other, 'therapist');
    expect((await call(t.app, adminSession, 'GET', impactUrl(stranger.id))).statusCode).toBe(404);
    expect((await call(t.app, adminSession, 'POST', deactivateUrl(stranger.id))).statusCode).toBe(404);
    const s = await signIn(t.app, prescriber.email, PASSWORD);
    expect((await call(t.app, s, 'GET', impactUrl(stranger.id))).statusCode).toBe(403);
  });
});

describe('deactivating someone on care teams', () => {
  it('is refused without a choice per patient, with details at body.assignments.<i>, and changes nothing', async () => {
    const c = await therapistWithCaseload();
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [{ patientId: c.shared, role: 'therapist', leaveUnassigned: true, reason: 'no' }],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(['body.assignments.0', 'body.assignments.1.reason']);
    const user = await t.deps.database.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', c.therapist.id)
      .executeTakeFirstOrThrow();
    expect(user.status).toBe('active');
    expect((await teamOf(c.alone)).some((m) => m.user_id === c.therapist.id)).toBe(true);
  });

  it('refuses a replacement who cannot take the role', async () => {
    const c = await therapistWithCaseload();
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [
        { patientId: c.alone, role: 'therapist', replacementUserId: prescriber.id },
        { patientId: c.shared, role: 'therapist', replacementUserId: c.therapist.id },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.assignments.0.replacementUserId', message: `${prescriber.name} is not a therapist` },
      { path: 'body.assignments.1.replacementUserId', message: 'Not an active member of this clinic' },
    ]);
  });

  it('reassignment moves the care team and the open alerts to the replacement', async () => {
    const c = await therapistWithCaseload();
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [
        { patientId: c.alone, role: 'therapist', replacementUserId: c.colleague.id },
        { patientId: c.shared, role: 'therapist', leaveUnassigned: true, reason: 'Colleague already there' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.status).toBe('deactivated');
    expect(await teamOf(c.alone)).toEqual(
      [
        { user_id: prescriber.id, role: 'prescriber' },
        { user_id: c.colleague.id, role: 'therapist' },
      ].sort((a, b) => a.role.localeCompare(b.role)),
    );
    expect(await teamOf(c.shared)).toEqual([{ user_id: c.colleague.id, role: 'therapist' }]);
    const recipients = await recipientsOf(c.alertId);
    expect(recipients).toContain(c.colleague.id);
    expect(recipients).not.toContain(c.therapist.id);
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('resource_id', '=', c.therapist.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['care_team.reassign', 'care_team.leave_unassigned', 'user.deactivate']),
    );
  });

  it('leave unassigned with a reason removes the person and keeps the alert with the rest of the team', async () => {
    const c = await therapistWithCaseload();
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [
        { patientId: c.alone, role: 'therapist', leaveUnassigned: true, reason: 'Referred out next week' },
        { patientId: c.shared, role: 'therapist', leaveUnassigned: true, reason: 'Colleague already there' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(await teamOf(c.alone)).toEqual([{ user_id: prescriber.id, role: 'prescriber' }]);
    expect(await recipientsOf(c.alertId)).toContain(prescriber.id);
  });

  it('keeps the reason of leave unassigned: the patient page says since when and why, until the role is taken', async () => {
    const c = await therapistWithCaseload();
    const at = t.clock.now();
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [
        { patientId: c.alone, role: 'therapist', leaveUnassigned: true, reason: '  Referred out next week ' },
        { patientId: c.shared, role: 'therapist', leaveUnassigned: true, reason: 'Colleague already there' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const ps = await signIn(t.app, prescriber.email, PASSWORD);
    const page = await call(t.app, ps, 'GET', `/api/patients/${c.alone}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().vacancies).toEqual([
      {
        role: 'therapist',
        leftName: c.therapist.name,
        since: at,
        reason: 'Referred out next week',
        byName: admin.name,
      },
    ]);
    // The removal in the team history carries the reason, with who and when.
    const history = (await call(t.app, ps, 'GET', `/api/patients/${c.alone}/care-team/history`)).json()
      .changes as { userId: string; change: string; reason: string | null; byName: string }[];
    expect(history.find((h) => h.userId === c.therapist.id && h.change === 'removed')).toMatchObject({
      reason: 'Referred out next week',
      byName: admin.name,
    });
    // The role is still held by a colleague on the other patient's team: no vacancy there.
    const cs = await signIn(t.app, c.colleague.email, PASSWORD);
    expect((await call(t.app, cs, 'GET', `/api/patients/${c.shared}`)).json().vacancies).toEqual([]);
    // The leave-unassigned choice is audited per patient.
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['patient_id'])
      .where('resource_id', '=', c.therapist.id)
      .where('action', '=', 'care_team.leave_unassigned')
      .execute();
    expect(audit.map((a) => a.patient_id).sort()).toEqual([c.alone, c.shared].sort());

    // Once a therapist joins the team again, the vacancy is gone.
    const before = page.json<{ careTeamVersion: number; careTeam: { userId: string; role: string }[] }>();
    const put = await call(
      t.app,
      ps,
      'PUT',
      `/api/patients/${c.alone}/care-team`,
      {
        members: [
          ...before.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
          { userId: c.colleague.id, role: 'therapist' },
        ],
      },
      { 'if-match': String(before.careTeamVersion) },
    );
    expect(put.statusCode).toBe(200);
    expect(put.json().vacancies).toEqual([]);
  });

  it('shows the reason to the team only: the patient’s own view has no vacancies', async () => {
    const c = await therapistWithCaseload();
    await call(t.app, adminSession, 'POST', deactivateUrl(c.therapist.id), {
      assignments: [
        { patientId: c.alone, role: 'therapist', leaveUnassigned: true, reason: 'Referred out next week' },
        { patientId: c.shared, role: 'therapist', leaveUnassigned: true, reason: 'Colleague already there' },
      ],
    });
    const own = await signIn(t.app, c.aloneUser.email, PASSWORD);
    const page = await call(t.app, own, 'GET', `/api/patients/${c.alone}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().vacancies).toEqual([]);
  });

  it('someone on no care team deactivates as before, with no body', async () => {
    const nurse = await buildUser(t.deps, admin.clinicId, 'care_manager');
    const res = await call(t.app, adminSession, 'POST', deactivateUrl(nurse.id));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.status).toBe('deactivated');
  });
});
