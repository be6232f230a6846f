import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../../testing/test-app.js';
import { buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { runScheduledChecks } from '../../background.js';
import { resolveAlertsForSubject } from './raise-alerts.js';
import type { Alert } from '../../../shared/alerts/alert.js';
import type { RiskAssessment, SubmitResult } from '../../../shared/measures/schemas.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

// Issue 12, "closing the loop": a self-harm alert closes only when someone reached the patient; escalation
// goes to someone new (on-call, then clinical lead), in clinic hours, and every step is in its history.
let f: MessagingFixture;
let base: string;
let onCall: BuiltUser;
let lead: BuiltUser;
let admin: BuiltUser;
const as: Record<'onCall' | 'lead' | 'admin', Session> = {} as never;
const H = 3600_000;
const MIN = 60_000;

async function signExtras() {
  as.onCall = await signIn(f.t.app, onCall.email, PASSWORD);
  as.lead = await signIn(f.t.app, lead.email, PASSWORD);
  as.admin = await signIn(f.t.app, admin.email, PASSWORD);
}
async function setClock(ms: number) {
  await f.setClock(ms);
  await signExtras();
}
async function settings(body: Record<string, unknown>) {
  const res = await call(f.t.app, as.admin, 'PUT', '/api/admin/settings', body);
  expect(res.statusCode).toBe(200);
}

/** The patient answers PHQ-9 with item 9 above 0; returns the urgent alert it raised. */
async function selfHarmAlert(): Promise<Alert> {
  const res = await call(f.t.app, f.as.patient, 'POST', `${base}/measures`, {
    id: uuid(),
    instrument: 'phq9',
    answers: { items: [1, 1, 1, 1, 0, 0, 0, 0, 2] },
  });
  expect(res.statusCode).toBe(201);
  const responseId = res.json<SubmitResult>().response.id;
  await deliverPendingEvents(f.t.deps);
  const alert = (await alertsOfPatient()).find(
    (a) => a.subjectId === responseId && a.type === 'self_harm_answer',
  );
  if (!alert) throw new Error('no self-harm alert');
  return alert;
}
async function alertsOfPatient(session = f.as.therapist): Promise<Alert[]> {
  return (await call(f.t.app, session, 'GET', `${base}/alerts`)).json<{ alerts: Alert[] }>().alerts;
}
async function fresh(id: string): Promise<Alert> {
  const found = (await alertsOfPatient()).find((a) => a.id === id);
  if (!found) throw new Error('alert vanished');
  return found;
}
function assess(alert: Alert, method: string, outcome: string, session = f.as.therapist) {
  return call(f.t.app, session, 'POST', `${base}/risk-assessments`, {
    id: uuid(),
    alertId: alert.id,
    contactedAt: f.t.clock.now() - MIN,
    method,
    outcome,
  });
}
function assessByAlert(alert: Alert, method: string, outcome: string, session: Session) {
  return call(f.t.app, session, 'POST', `/api/alerts/${alert.id}/risk-assessments`, {
    id: uuid(),
    contactedAt: f.t.clock.now() - MIN,
    method,
    outcome,
  });
}
async function registryRow() {
  const res = await call(f.t.app, f.as.therapist, 'GET', '/api/registry');
  return res.json<RegistryResponse>().patients.find((p) => p.patientId === f.patient.overview.id);
}

// Monday 2 November 2026, 16:00 in Berlin (15:00 UTC): inside the clinic hours set below.
const MONDAY_1600_BERLIN = Date.UTC(2026, 10, 2, 15, 0);

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}`;
  onCall = await buildUser(f.t.deps, f.therapist.clinicId, 'prescriber', 'Olga Oncall');
  lead = await buildUser(f.t.deps, f.therapist.clinicId, 'therapist', 'Lena Lead');
  admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin', 'Ada Admin');
  await setClock(MONDAY_1600_BERLIN);
  await settings({
    escalationHours: 4,
    onCallUserId: onCall.id,
    clinicalLeadUserId: lead.id,
    clinicTimeZone: 'Europe/Berlin',
    clinicOpenDays: [1, 2, 3, 4, 5],
    clinicOpensAt: '06:00',
    clinicClosesAt: '23:00',
    acknowledgePauseMinutes: 60,
    safetyFollowUpHours: 24,
  });
});
afterAll(() => f.t.close());

describe('closing the loop on a self-harm alert', () => {
  it('"not reached" keeps it open with a follow-up, the patient stays at the top of the registry, and it is no contact', async () => {
    const alert = await selfHarmAlert();
    const rec = await assess(alert, 'could_not_reach', 'not_reached_follow_up_planned');
    expect(rec.statusCode).toBe(201);
    expect(rec.json<RiskAssessment>().alertsResolved).toBe(0);

    const after = await fresh(alert.id);
    expect(after.state).toBe('open');
    expect(after.lifecycle).toMatchObject({
      phase: 'follow_up_due',
      safety: true,
      followUpDueAt: f.t.clock.now() + 24 * H,
    });
    expect(after.history.map((h) => h.kind)).toEqual(['routed', 'not_reached']);
    expect(after.history[1]?.actorName).toBe('Tess Therapist');

    const row = await registryRow();
    expect(row?.flags).toContain('safety_risk');
    expect(row?.attentionTier).toBe(0);
    expect(row?.lastClinicianContactAt).toBeNull();

    // The resolve button cannot close a safety alert, and a contradiction is refused at its field.
    const resolve = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/alerts/${alert.id}/resolve`,
      { note: 'x' },
      {
        'if-match': `"${String(after.version)}"`,
      },
    );
    expect(resolve.statusCode).toBe(409);
    const contradiction = await assess(alert, 'could_not_reach', 'no_immediate_risk');
    expect(contradiction.statusCode).toBe(400);
    expect(contradiction.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.outcome',
    );

    // Reaching the patient closes it for everyone, and that call is the last contact.
    const reached = await assess(alert, 'phone', 'no_immediate_risk');
    expect(reached.json<RiskAssessment>().alertsResolved).toBe(1);
    const closed = await fresh(alert.id);
    expect(closed.state).toBe('resolved');
    expect(closed.history.map((h) => h.kind)).toEqual(['routed', 'not_reached', 'assessment_reached']);
    const later = await registryRow();
    expect(later?.flags).not.toContain('safety_risk');
    expect(later?.lastClinicianContactAt).toBe(f.t.clock.now() - MIN);
  });

  it('a feature closing alerts about the same subject leaves a safety alert open', async () => {
    const alert = await selfHarmAlert();
    const closed = await f.t.deps.database.transaction((trx) =>
      resolveAlertsForSubject(trx, f.t.deps, {
        clinicId: f.therapist.clinicId,
        subjectId: alert.subjectId ?? '',
        note: 'Answered',
      }),
    );
    expect(closed).toBe(0);
    expect((await fresh(alert.id)).state).toBe('open');
    await assess(alert, 'phone', 'no_immediate_risk');
  });

  it('an overdue follow-up is recorded and escalates', async () => {
    await setClock(MONDAY_1600_BERLIN + 7 * 24 * H); // the next Monday, 16:00 Berlin
    const alert = await selfHarmAlert();
    await assess(alert, 'could_not_reach', 'not_reached_follow_up_planned');
    const careTeam = [f.therapist.id, f.prescriber.id, f.careManager.id];
    expect((await fresh(alert.id)).routedTo.map((r) => r.userId).sort()).toEqual([...careTeam].sort());
    // Reached 3 h later? No: nobody tries again; acknowledged in between, so no escalation on time.
    await setClock(f.t.clock.now() + 3.5 * H);
    const ack = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `/api/alerts/${alert.id}/acknowledge`,
      undefined,
      {
        'if-match': `"${String((await fresh(alert.id)).version)}"`,
      },
    );
    expect(ack.statusCode).toBe(200);
    await setClock(f.t.clock.now() + 24 * H);
    await runScheduledChecks(f.t.deps);
    const overdue = await fresh(alert.id);
    expect(overdue.lifecycle.followUpOverdue).toBe(true);
    expect(overdue.history.map((h) => h.kind)).toContain('follow_up_overdue');
    expect(overdue.history.some((h) => h.kind === 'escalate' && h.targetName === 'Olga Oncall')).toBe(true);
    await assess(alert, 'phone', 'risk_managed_in_outpatient_care');
  });
});

describe('escalation', () => {
  it('acknowledging pauses for the clinic-set time only, then it goes to on-call, then to the clinical lead', async () => {
    await setClock(MONDAY_1600_BERLIN + 14 * 24 * H);
    const t0 = f.t.clock.now();
    const alert = await selfHarmAlert();
    await setClock(t0 + 3.5 * H);
    const ack = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/alerts/${alert.id}/acknowledge`,
      undefined,
      {
        'if-match': `"${String(alert.version)}"`,
      },
    );
    expect(ack.statusCode).toBe(200);
    expect(ack.json<Alert>().lifecycle.pausedUntil).toBe(t0 + 4.5 * H);

    // 4 clinic hours have passed, but the acknowledgement holds it back until its hour is over.
    await setClock(t0 + 4 * H + MIN);
    await runScheduledChecks(f.t.deps);
    expect((await fresh(alert.id)).lifecycle.escalations).toBe(0);

    await setClock(t0 + 4.5 * H);
    await runScheduledChecks(f.t.deps);
    const escalated = await fresh(alert.id);
    expect(escalated.lifecycle.escalations).toBe(1);
    expect(escalated.state).toBe('open');
    // The care manager was already on it: the escalation reaches someone new.
    expect(escalated.routedTo.filter((r) => r.reason === 'escalated').map((r) => r.name)).toEqual([
      'Olga Oncall',
    ]);
    expect(escalated.history.map((h) => h.kind)).toEqual(['routed', 'acknowledge', 'escalate']);
    expect(escalated.history[2]?.targetName).toBe('Olga Oncall');

    // On-call is not on the care team, yet sees the alert in the inbox and can acknowledge it.
    const inbox = (await call(f.t.app, as.onCall, 'GET', '/api/inbox')).json<{ alerts: Alert[] }>().alerts;
    expect(inbox.map((a) => a.id)).toContain(alert.id);

    // Still not resolved 4 clinic hours later (20:30 → 23:00, then 06:00 → 07:30 the next day): the lead.
    await setClock(t0 + 4.5 * H + 2.5 * H + 7 * H + 1.5 * H);
    await runScheduledChecks(f.t.deps);
    const twice = await fresh(alert.id);
    expect(twice.lifecycle.escalations).toBe(2);
    expect(twice.routedTo.filter((r) => r.reason === 'escalated').map((r) => r.name)).toEqual([
      'Olga Oncall',
      'Lena Lead',
    ]);
    // The on-call clinician, off the care team, acknowledges and records the call that reached the patient;
    // a clinician the alert never reached cannot.
    const onCallAck = await call(
      f.t.app,
      as.onCall,
      'POST',
      `/api/alerts/${alert.id}/acknowledge`,
      undefined,
      {
        'if-match': `"${String(twice.version)}"`,
      },
    );
    expect(onCallAck.statusCode).toBe(200);
    expect((await assessByAlert(twice, 'phone', 'no_immediate_risk', f.as.outsider)).statusCode).toBe(404);
    // Through the patient route the care-team gate stands; through the alert, the escalation lets her in.
    expect((await assess(twice, 'phone', 'no_immediate_risk', as.onCall)).statusCode).toBe(404);
    const byOnCall = await assessByAlert(twice, 'phone', 'no_immediate_risk', as.onCall);
    expect(byOnCall.statusCode).toBe(201);
    expect(byOnCall.json<RiskAssessment>().alertsResolved).toBe(1);
    expect((await fresh(alert.id)).history.map((h) => h.kind).slice(-2)).toEqual([
      'acknowledge',
      'assessment_reached',
    ]);
    // Off the team the on-call clinician still cannot open the patient's record.
    expect((await call(f.t.app, as.onCall, 'GET', `${base}/alerts`)).statusCode).toBe(404);
  });

  it('skips people already on the alert', async () => {
    await setClock(MONDAY_1600_BERLIN + 21 * 24 * H);
    await settings({ onCallUserId: f.therapist.id });
    const alert = await selfHarmAlert();
    await setClock(f.t.clock.now() + 4 * H);
    await runScheduledChecks(f.t.deps);
    const escalated = await fresh(alert.id);
    expect(escalated.routedTo.filter((r) => r.reason === 'escalated').map((r) => r.name)).toEqual([
      'Lena Lead',
    ]);
    await settings({ onCallUserId: onCall.id });
    await assess(alert, 'phone', 'no_immediate_risk');
  });

  it('out of hours it goes straight to on-call', async () => {
    // Monday 23:30 in Berlin: the clinic (06:00-23:00) is closed.
    await setClock(Date.UTC(2026, 10, 30, 22, 30));
    const alert = await selfHarmAlert();
    await runScheduledChecks(f.t.deps);
    const escalated = await fresh(alert.id);
    expect(escalated.lifecycle.escalations).toBe(1);
    expect(escalated.history.at(-1)).toMatchObject({ kind: 'escalate', targetName: 'Olga Oncall' });
    expect(escalated.history.at(-1)?.note).toMatch(/closed/);
  });

  it('the admin cannot name a clinical lead who is not an active clinician, nor close before opening', async () => {
    const bad = await call(f.t.app, as.admin, 'PUT', '/api/admin/settings', { clinicalLeadUserId: admin.id });
    expect(bad.statusCode).toBe(400);
    const hours = await call(f.t.app, as.admin, 'PUT', '/api/admin/settings', { clinicClosesAt: '05:00' });
    expect(hours.statusCode).toBe(400);
    expect(hours.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.clinicClosesAt',
    );
  });
});
