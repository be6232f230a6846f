import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { RiskAssessment, SubmitResult } from '../../../shared/measures/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { RISK_ASSESSMENTS_MAX } from '../../../shared/lists/limits.js';

let f: MessagingFixture;
let base: string;
let responseId: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}`;
  const res = await call(f.t.app, f.as.patient, 'POST', `${base}/measures`, {
    id: uuid(),
    instrument: 'phq9',
    answers: { items: [1, 1, 0, 0, 0, 0, 0, 0, 1] },
  });
  responseId = res.json<SubmitResult>().response.id;
  await deliverPendingEvents(f.t.deps);
});
afterAll(() => f.t.close());

const openSelfHarmAlerts = () =>
  f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', f.patient.overview.id)
    .where('type', '=', 'self_harm_answer')
    .execute();

describe('risk assessment after a self-harm answer', () => {
  it('records the assessment and resolves the urgent alert; a retry records nothing twice', async () => {
    expect((await openSelfHarmAlerts()).map((a) => a.state)).toEqual(['open']);
    const body = {
      id: uuid(),
      responseId,
      contactedAt: f.t.clock.now() - 600_000,
      method: 'phone',
      outcome: 'risk_managed_in_outpatient_care',
      actions: ['safety_plan_reviewed', 'follow_up_scheduled'],
      actionsOther: 'Agreed to call the crisis line if thoughts return',
      notes: 'Passive thoughts, no plan or intent.',
    };
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/risk-assessments`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json<RiskAssessment>()).toMatchObject({
      responseId,
      method: 'phone',
      actions: ['safety_plan_reviewed', 'follow_up_scheduled'],
      recordedBy: { userId: f.therapist.id, role: 'therapist' },
      alertsResolved: 1,
    });
    const alerts = await openSelfHarmAlerts();
    expect(alerts[0]).toMatchObject({ state: 'resolved', resolved_by: f.therapist.id });
    expect(alerts[0]?.resolution_note).toMatch(/Risk assessment recorded/);

    expect((await call(f.t.app, f.as.therapist, 'POST', `${base}/risk-assessments`, body)).statusCode).toBe(
      200,
    );
    const history = await call(f.t.app, f.as.prescriber, 'GET', `${base}/risk-assessments`);
    expect(history.json<{ assessments: RiskAssessment[] }>().assessments).toHaveLength(1);
  });

  it('can name the alert instead of the answer; not reached keeps it open', async () => {
    const res = await call(f.t.app, f.as.patient, 'POST', `${base}/measures`, {
      id: uuid(),
      instrument: 'phq9',
      answers: { items: [0, 0, 0, 0, 0, 0, 0, 0, 3] },
    });
    const id = res.json<SubmitResult>().response.id;
    await deliverPendingEvents(f.t.deps);
    const alert = (await openSelfHarmAlerts()).find((a) => a.subject_id === id);
    const rec = await call(f.t.app, f.as.prescriber, 'POST', `${base}/risk-assessments`, {
      id: uuid(),
      alertId: alert?.id,
      contactedAt: f.t.clock.now(),
      method: 'could_not_reach',
      outcome: 'not_reached_follow_up_planned',
    });
    expect(rec.statusCode).toBe(201);
    // Not reached: the alert stays open for everyone (issue 12); alert-lifecycle.int.test.ts covers the rest.
    expect(rec.json<RiskAssessment>()).toMatchObject({ responseId: id, alertsResolved: 0 });
    expect((await openSelfHarmAlerts()).find((a) => a.subject_id === id)?.state).toBe('open');
    const reached = await call(f.t.app, f.as.prescriber, 'POST', `${base}/risk-assessments`, {
      id: uuid(),
      alertId: alert?.id,
      contactedAt: f.t.clock.now(),
      method: 'phone',
      outcome: 'urgent_evaluation_arranged',
    });
    expect(reached.json<RiskAssessment>()).toMatchObject({ responseId: id, alertsResolved: 1 });
  });

  it('refuses the patient, other teams, and answers of another patient', async () => {
    expect((await call(f.t.app, f.as.patient, 'GET', `${base}/risk-assessments`)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', `${base}/risk-assessments`)).statusCode).toBe(404);
    const other = await call(
      f.t.app,
      f.as.outsider,
      'POST',
      `/api/patients/${f.otherPatient.overview.id}/risk-assessments`,
      {
        id: uuid(),
        responseId,
        contactedAt: f.t.clock.now(),
        method: 'phone',
        outcome: 'no_immediate_risk',
      },
    );
    expect(other.statusCode).toBe(400);
    const missing = await call(f.t.app, f.as.therapist, 'POST', `${base}/risk-assessments`, {
      id: uuid(),
      contactedAt: f.t.clock.now(),
      method: 'phone',
      outcome: 'no_immediate_risk',
    });
    expect(missing.statusCode).toBe(400);
  });
});

describe('the list is bounded (issue 19)', () => {
  it('a limit above the maximum is a 400 naming it; a small limit answers the newest with hasMore', async () => {
    const list = (query: string) => call(f.t.app, f.as.therapist, 'GET', `${base}/risk-assessments${query}`);
    expectLimitRefused(await list(`?limit=${String(RISK_ASSESSMENTS_MAX + 1)}`), RISK_ASSESSMENTS_MAX);
    const all = (await list('')).json<{ assessments: RiskAssessment[]; hasMore: boolean }>();
    expect(all.assessments.length).toBe(3);
    expect(all.hasMore).toBe(false);
    const cut = (await list('?limit=2')).json<{ assessments: RiskAssessment[]; hasMore: boolean }>();
    expect(cut.hasMore).toBe(true);
    expect(cut.assessments.map((a) => a.id)).toEqual(all.assessments.slice(0, 2).map((a) => a.id));
  });
});
