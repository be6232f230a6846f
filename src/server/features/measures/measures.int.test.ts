import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { SubmitResult, QuestionnaireResponse, DueList } from '../../../shared/measures/schemas.js';
import { defaultsFor } from '../../../shared/crisis/select.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let base: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/measures`;
});
afterAll(() => f.t.close());

const phq9 = (items: (number | null)[], id = uuid()) => ({ id, instrument: 'phq9', answers: { items } });

async function alertsOf(patientId: string) {
  return f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('type', '=', 'self_harm_answer')
    .execute();
}

describe('submitting questionnaires', () => {
  // One minute between answers, so their order (and so the baseline) is the order of the tests.
  beforeEach(() => f.t.clock.set(f.t.clock.now() + 60_000));

  it('scores a PHQ-9, and a retry with the same id records nothing twice', async () => {
    const body = phq9([2, 2, 2, 2, 2, 2, 2, 2, 0]);
    const first = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    const result = first.json<SubmitResult>();
    expect(result.crisis).toBeNull();
    expect(result.response).toMatchObject({
      total: 16,
      severity: { code: 'moderately_severe' },
      source: 'patient',
      item9: 0,
      interpretation: { isBaseline: true, baselineTotal: 16, changePoints: 0 },
    });
    const retry = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<SubmitResult>().response.id).toBe(body.id);
    const rows = await f.t.deps.database.db
      .selectFrom('questionnaire_responses')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(1);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'measure.submitted')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      responseId: body.id,
      instrument: 'phq9',
      total: 16,
    });
  });

  it('item 9 = 1 with total 3: crisis resources at once, and an urgent alert to every clinician', async () => {
    const body = phq9([1, 1, 0, 0, 0, 0, 0, 0, 1]);
    const res = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(res.statusCode).toBe(201);
    const result = res.json<SubmitResult>();
    expect(result.response.total).toBe(3);
    // No country set anywhere: the clinic's default country (US); self-harm lists the crisis line first.
    expect(result.crisis?.country).toBe('US');
    expect(result.crisis?.resources.map((r) => [r.kind, r.phone ?? r.sms])).toEqual(
      defaultsFor('US')
        .sort((a, b) => (a.kind === 'crisis_line' ? -1 : b.kind === 'crisis_line' ? 1 : 0))
        .map((r) => [r.kind, r.phone ?? r.sms]),
    );
    expect(result.crisis?.resources[0]?.kind).toBe('crisis_line');
    expect(result.crisis?.resources[1]?.kind).toBe('emergency');
    expect(result.crisis?.safetyPlan).toBeNull();
    // The retry still shows the crisis resources.
    const retry = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(retry.json<SubmitResult>().crisis).not.toBeNull();

    await deliverPendingEvents(f.t.deps);
    const alerts = await alertsOf(f.patient.overview.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'urgent', subject_id: body.id, state: 'open' });
    const recipients = await f.t.deps.database.db
      .selectFrom('alert_recipients')
      .select('user_id')
      .where('alert_id', '=', alerts[0]!.id)
      .execute();
    expect(recipients.map((r) => r.user_id).sort()).toEqual(
      [f.therapist.id, f.prescriber.id, f.careManager.id].sort(),
    );
  });

  it("a clinic's own entries for its country are shown; a bad key elsewhere does not hide them", async () => {
    const clinicId = f.patient.user.clinicId;
    const own = {
      country: 'US',
      kind: 'crisis_line',
      name: 'Clinic line',
      phone: '555 0100',
      lastVerified: '2026-11-01',
    };
    // Two-step sign-in stays off, as buildClinic leaves it (a missing key reads as on, issue 13).
    const settings = JSON.stringify({
      escalationHours: 'bad',
      crisisResources: [own],
      staffTwoFactorRequired: false,
    });
    await f.t.deps.database.db.updateTable('clinics').set({ settings }).where('id', '=', clinicId).execute();
    const res = await call(f.t.app, f.as.patient, 'POST', base, phq9([0, 0, 0, 0, 0, 0, 0, 0, 2]));
    const crisis = res.json<SubmitResult>().crisis;
    expect(crisis?.from).toBe('clinic');
    // Only a crisis line was set: the country's default emergency number is still shown beside it.
    const usEmergency = defaultsFor('US').find((r) => r.kind === 'emergency');
    expect(crisis?.resources.map((r) => [r.name, r.phone])).toEqual([
      ['Clinic line', '555 0100'],
      [usEmergency?.name, usEmergency?.phone],
    ]);
    expect(crisis?.noEmergencyNumber).toBe(false);
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ staffTwoFactorRequired: false }) })
      .where('id', '=', clinicId)
      .execute();
  });

  it('a missing item: no total, says so, and item 9 still starts the safety path', async () => {
    const res = await call(f.t.app, f.as.patient, 'POST', base, phq9([null, 1, 1, 1, 1, 1, 1, 1, 3]));
    expect(res.statusCode).toBe(201);
    const result = res.json<SubmitResult>();
    expect(result.response).toMatchObject({ total: null, severity: null, missingItems: [1] });
    expect(result.response.incompleteReason).toMatch(/item 1 not answered/);
    expect(result.crisis).not.toBeNull();
  });

  it('rejects answers that are not options, and ids used by another patient', async () => {
    expect(
      (await call(f.t.app, f.as.patient, 'POST', base, phq9([4, 0, 0, 0, 0, 0, 0, 0, 0]))).statusCode,
    ).toBe(400);
    const body = phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await call(f.t.app, f.as.patient, 'POST', base, body)).statusCode).toBe(201);
    const other = `/api/patients/${f.otherPatient.overview.id}/measures`;
    expect((await call(f.t.app, f.as.otherPatient, 'POST', other, body)).statusCode).toBe(409);
  });

  it('a clinician enters answers from a session: marked in_session, entered by them', async () => {
    await f.setClock(f.t.clock.now() + 86_400_000);
    const answeredAt = f.t.clock.now() - 3_600_000;
    const res = await call(f.t.app, f.as.therapist, 'POST', base, {
      ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      answeredAt,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<SubmitResult>().response).toMatchObject({
      source: 'in_session',
      answeredAt,
      enteredBy: { userId: f.therapist.id, role: 'therapist' },
    });
    // A patient cannot back-date.
    const own = await call(f.t.app, f.as.patient, 'POST', base, {
      ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
      answeredAt,
    });
    expect(own.statusCode).toBe(400);
  });
});

describe('reading', () => {
  it('lists with interpretation against the baseline, filters by instrument', async () => {
    await call(f.t.app, f.as.patient, 'POST', base, {
      id: uuid(),
      instrument: 'gad7',
      answers: { items: [1, 1, 1, 1, 1, 1, 1] },
    });
    const res = await call(f.t.app, f.as.prescriber, 'GET', `${base}?instrument=phq9`);
    expect(res.statusCode).toBe(200);
    const list = res.json<{ responses: QuestionnaireResponse[] }>().responses;
    expect(list.every((r) => r.instrument === 'phq9')).toBe(true);
    expect(list.filter((r) => r.interpretation.isBaseline).map((r) => r.total)).toEqual([16]);
    const sessionOne = list.find((r) => r.total === 8);
    expect(sessionOne?.interpretation).toMatchObject({
      baselineTotal: 16,
      changePoints: -8,
      changePercent: -50,
      response: true,
    });
    const all = await call(f.t.app, f.as.patient, 'GET', base);
    expect(
      all.json<{ responses: QuestionnaireResponse[] }>().responses.some((r) => r.instrument === 'gad7'),
    ).toBe(true);
  });

  it('is bounded: ?limit gives the latest ones, oldest first, with hasMore; above the maximum is a 400', async () => {
    type List = { responses: QuestionnaireResponse[]; hasMore: boolean };
    const everything = (await call(f.t.app, f.as.prescriber, 'GET', base)).json<List>();
    expect(everything.hasMore).toBe(false);
    const n = everything.responses.length;
    expect(n).toBeGreaterThan(2);
    const two = await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=2`);
    expect(two.statusCode).toBe(200);
    const page = two.json<List>();
    expect(page.hasMore).toBe(true);
    expect(page.responses.map((r) => r.id)).toEqual(everything.responses.slice(n - 2).map((r) => r.id));
    const exact = (await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=${String(n)}`)).json<List>();
    expect(exact.hasMore).toBe(false);
    expect(exact.responses).toHaveLength(n);
    expect((await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=501`)).statusCode).toBe(400);
    expect((await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=0`)).statusCode).toBe(400);
  });

  it('one response; another patient (or a clinician off the team) gets 404', async () => {
    const list = (await call(f.t.app, f.as.patient, 'GET', base)).json<{
      responses: QuestionnaireResponse[];
    }>();
    const id = list.responses[0]!.id;
    expect((await call(f.t.app, f.as.patient, 'GET', `${base}/${id}`)).statusCode).toBe(200);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', `${base}/${id}`)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    const otherBase = `/api/patients/${f.otherPatient.overview.id}/measures`;
    expect((await call(f.t.app, f.as.otherPatient, 'GET', `${otherBase}/${id}`)).statusCode).toBe(404);
  });

  it('instruments with exact wording and attribution', async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', '/api/instruments');
    const { instruments } = res.json<{
      instruments: { id: string; attribution: string; items: unknown[] }[];
    }>();
    expect(instruments.map((i) => [i.id, i.items.length])).toEqual([
      ['phq9', 9],
      ['gad7', 7],
    ]);
    expect(instruments[0]?.attribution).toMatch(/^Developed by Drs. Robert L. Spitzer/);
  });

  it('what is due: the default schedule, next PHQ-9 two weeks after today’s answers', async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', `${base}/due`);
    expect(res.statusCode).toBe(200);
    const due = res.json<DueList>();
    expect(due.scheduleFrom).toBe('default');
    expect(due.timeZone).toBe('America/Chicago');
    const phq = due.measures.find((m) => m.instrument === 'phq9');
    expect(phq).toMatchObject({ status: 'upcoming', lastAnsweredDay: due.today, isBaseline: false });
    const fresh = await call(
      f.t.app,
      f.as.otherPatient,
      'GET',
      `/api/patients/${f.otherPatient.overview.id}/measures/due`,
    );
    expect(fresh.json<DueList>().measures.map((m) => [m.instrument, m.status, m.isBaseline])).toEqual([
      ['phq9', 'due', true],
      ['gad7', 'due', true],
    ]);
  });
});
