import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../../testing/test-app.js';
import { buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { runScheduledChecks } from '../../background.js';
import type { Alert } from '../../../shared/alerts/alert.js';
import type { AlertPatientSummary } from '../../../shared/alerts/patient-summary.js';
import type { SubmitResult } from '../../../shared/measures/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

// Issue 12, "Reach the patient": the on-call clinician an urgent alert was escalated to, off the care team,
// gets what they need to reach the patient, for that alert only, while it is open, and the read is audited.
let f: MessagingFixture;
let base: string;
let onCall: BuiltUser;
let admin: BuiltUser;
let onCallSession: Session;
const H = 3600_000;
const MIN = 60_000;
// Monday 2 November 2026, 16:00 in Berlin: inside the clinic hours set below.
const MONDAY_1600_BERLIN = Date.UTC(2026, 10, 2, 15, 0);

async function setClock(ms: number) {
  await f.setClock(ms);
  onCallSession = await signIn(f.t.app, onCall.email, PASSWORD);
}
const summaryUrl = (alertId: string) => `/api/alerts/${alertId}/patient-summary`;
const summary = (session: Session, alertId: string) => call(f.t.app, session, 'GET', summaryUrl(alertId));

async function alertsOfPatient(): Promise<Alert[]> {
  return (await call(f.t.app, f.as.therapist, 'GET', `${base}/alerts`)).json<{ alerts: Alert[] }>().alerts;
}

/** The patient answers PHQ-9 item 9 = 2; 4 clinic hours later the urgent alert reaches on-call. */
async function escalatedSelfHarmAlert(): Promise<Alert> {
  const res = await call(f.t.app, f.as.patient, 'POST', `${base}/measures`, {
    id: uuid(),
    instrument: 'phq9',
    answers: { items: [1, 1, 1, 1, 0, 0, 0, 0, 2] },
  });
  expect(res.statusCode).toBe(201);
  const responseId = res.json<SubmitResult>().response.id;
  await deliverPendingEvents(f.t.deps);
  await setClock(f.t.clock.now() + 4 * H);
  await runScheduledChecks(f.t.deps);
  const alert = (await alertsOfPatient()).find(
    (a) => a.subjectId === responseId && a.type === 'self_harm_answer',
  );
  if (!alert) throw new Error('no self-harm alert');
  expect(alert.routedTo.filter((r) => r.reason === 'escalated').map((r) => r.userId)).toEqual([onCall.id]);
  return alert;
}

/** Agrees the first treatment plan from the clinic's template (it carries a safety plan). */
async function agreePlan() {
  const planUrl = `${base}/plan`;
  const templates = (await call(f.t.app, f.as.therapist, 'GET', '/api/plan-templates')).json<{
    templates: { id: string; name: string }[];
  }>().templates;
  const template = templates.find((x) => x.name.startsWith('Depression'));
  const started = await call(f.t.app, f.as.therapist, 'POST', planUrl, { templateId: template?.id });
  expect(started.statusCode).toBe(201);
  const ifMatch = { 'if-match': `"${String(started.json<{ version: number }>().version)}"` };
  await call(f.t.app, f.as.therapist, 'POST', `${planUrl}/draft/sign`, { attested: true }, ifMatch);
  const signed = await call(
    f.t.app,
    f.as.prescriber,
    'POST',
    `${planUrl}/draft/sign`,
    { attested: true },
    ifMatch,
  );
  expect(signed.statusCode).toBe(200);
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}`;
  onCall = await buildUser(f.t.deps, f.therapist.clinicId, 'prescriber', 'Olga Oncall');
  admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin', 'Ada Admin');
  await setClock(MONDAY_1600_BERLIN);
  const adminSession = await signIn(f.t.app, admin.email, PASSWORD);
  const res = await call(f.t.app, adminSession, 'PUT', '/api/admin/settings', {
    escalationHours: 4,
    onCallUserId: onCall.id,
    clinicTimeZone: 'Europe/Berlin',
    clinicOpenDays: [1, 2, 3, 4, 5],
    clinicOpensAt: '06:00',
    clinicClosesAt: '23:00',
  });
  expect(res.statusCode).toBe(200);
  await f.t.deps.database.db
    .updateTable('patients')
    .set({ phone: '+49 30 1234567', country: 'DE', time_zone: 'Europe/Berlin' })
    .where('id', '=', f.patient.overview.id)
    .execute();
  await agreePlan();
});
afterAll(() => f.t.close());

describe('reach the patient (GET /api/alerts/:alertId/patient-summary)', () => {
  it('gives the on-call clinician off the team the contact details, trigger, safety plan and crisis lines; audited', async () => {
    const alert = await escalatedSelfHarmAlert();
    // The patient page stays closed to her.
    expect((await call(f.t.app, onCallSession, 'GET', base)).statusCode).toBe(404);

    const res = await summary(onCallSession, alert.id);
    expect(res.statusCode).toBe(200);
    const s = res.json<AlertPatientSummary>();
    expect(s.access).toBe('escalated');
    expect(s.patient).toMatchObject({
      id: f.patient.overview.id,
      givenName: 'Zelda',
      familyName: 'Quixotic',
      phone: '+49 30 1234567',
      birthDate: '1990-05-17',
      age: 36,
      timeZone: 'Europe/Berlin',
      country: 'DE',
    });
    expect(s.patient.email).toBe(f.patient.user.email);
    expect(s.alert).toMatchObject({
      id: alert.id,
      type: 'self_harm_answer',
      severity: 'urgent',
      title: alert.title,
      details: alert.details,
      createdAt: alert.createdAt,
    });
    expect(s.careTeam.map((m) => [m.name, m.role]).sort()).toEqual(
      [
        ['Cam Manager', 'care_manager'],
        ['Pete Prescriber', 'prescriber'],
        ['Tess Therapist', 'therapist'],
      ].sort(),
    );
    expect(s.careTeam.find((m) => m.role === 'therapist')?.email).toBe(f.therapist.email);
    // Her own country's crisis resources, crisis line first for self-harm, and the agreed safety plan.
    expect(s.crisis.country).toBe('DE');
    expect(s.crisis.resources[0]?.kind).toBe('crisis_line');
    expect(s.safetyPlan).not.toBeNull();
    expect(s.safetyPlan?.professionalsAndCrisisLines.length).toBeGreaterThan(0);

    // The patient's "who has seen my record" shows the read, in plain words, with who did it.
    const report = await call(f.t.app, f.as.patient, 'GET', `${base}/access-report`);
    const reads = report
      .json<{ days: { reads: { who: string; words: string }[] }[] }>()
      .days.flatMap((d) => d.reads);
    expect(reads).toContainEqual(
      expect.objectContaining({
        who: 'Olga Oncall',
        words: 'looked at your contact details and safety plan because of an urgent alert',
      }),
    );

    // The care team still gets it (on the team, at any time).
    const team = await summary(f.as.careManager, alert.id);
    expect(team.statusCode).toBe(200);
    expect(team.json<AlertPatientSummary>().access).toBe('care_team');

    // A clinician the alert never reached gets 404, exactly like an unknown alert, audited as refused.
    const outsider = await summary(f.as.outsider, alert.id);
    const unknown = await summary(f.as.outsider, '01a00000-0000-7000-8000-00000000dead');
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).toBe(unknown.body);
    expect(outsider.body).not.toContain('Quixotic');
    const teamReport = await call(f.t.app, f.as.therapist, 'GET', `${base}/access-report`);
    expect(
      teamReport
        .json<{ days: { refusals: { who: string }[] }[] }>()
        .days.some((d) => d.refusals.some((e) => e.who === 'Otto Outsider')),
    ).toBe(true);

    // The patient cannot use it (clinicians only).
    expect((await summary(f.as.patient, alert.id)).statusCode).toBe(403);

    // Once the on-call clinician reached the patient the alert is resolved: the door closes for her, not
    // for the team.
    const reached = await call(f.t.app, onCallSession, 'POST', `/api/alerts/${alert.id}/risk-assessments`, {
      id: uuid(),
      contactedAt: f.t.clock.now() - MIN,
      method: 'phone',
      outcome: 'no_immediate_risk',
    });
    expect(reached.statusCode).toBe(201);
    const after = await summary(onCallSession, alert.id);
    expect(after.statusCode).toBe(404);
    expect(after.body).toBe(unknown.body);
    expect((await summary(f.as.therapist, alert.id)).statusCode).toBe(200);
  });

  it('does not open another alert about the same patient that never reached her', async () => {
    await setClock(MONDAY_1600_BERLIN + 7 * 24 * H);
    const escalated = await escalatedSelfHarmAlert();
    // A second answer raises a new alert that is not escalated yet.
    const res = await call(f.t.app, f.as.patient, 'POST', `${base}/measures`, {
      id: uuid(),
      instrument: 'phq9',
      answers: { items: [1, 1, 1, 1, 0, 0, 0, 0, 1] },
    });
    const responseId = res.json<SubmitResult>().response.id;
    await deliverPendingEvents(f.t.deps);
    const fresh = (await alertsOfPatient()).find((a) => a.subjectId === responseId);
    if (!fresh) throw new Error('no second alert');
    expect((await summary(onCallSession, escalated.id)).statusCode).toBe(200);
    expect((await summary(onCallSession, fresh.id)).statusCode).toBe(404);
  });
});
