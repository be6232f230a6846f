import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW, type Session } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type {
  BaselineHistory,
  QuestionnaireResponse,
  SubmitResult,
} from '../../../shared/measures/schemas.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, uuid, WEEK, type RegistryFixture } from '../registry/registry.test-kit.js';

// Issue 12, through the real routes: no good news or remission beside item 9, remission only after a
// follow-up, relapse against the best recent score (and good news closing), answer dates and the baseline.

const DAY = 86_400_000;
let f: RegistryFixture;
let staff: Awaited<ReturnType<RegistryFixture['sessions']>>;

beforeAll(async () => {
  f = await registryFixture();
});
afterAll(() => f.t.close());

const phq9 = (items: number[]) => ({ id: uuid(), instrument: 'phq9', answers: { items } });
/** PHQ-9 items summing to `total` with item 9 = 0. */
const phq9Total = (total: number) => {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0, left = total; left > 0; i = (i + 1) % 8) {
    items[i] = (items[i] ?? 0) + 1;
    left--;
  }
  return phq9(items);
};

async function at(ms: number): Promise<void> {
  f.t.clock.set(ms);
  staff = await f.sessions();
}
async function answerAsPatient(patientId: string, body: unknown, when: number) {
  await at(when);
  const session = await f.signInPatient(patientId);
  const res = await call(f.t.app, session, 'POST', `/api/patients/${patientId}/measures`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SubmitResult>();
}
const alertsOf = (patientId: string) =>
  f.t.deps.database.db
    .selectFrom('alerts')
    .select(['id', 'type', 'severity', 'state', 'title', 'resolution_note'])
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute();
async function registryRow(session: Session, patientId: string) {
  const res = await call(f.t.app, session, 'GET', '/api/registry');
  expect(res.statusCode).toBe(200);
  return res.json<RegistryResponse>().patients.find((p) => p.patientId === patientId);
}

describe('nothing says good news or remission beside a positive item 9', () => {
  it('PHQ-9 [0,0,0,0,0,0,0,0,3] after a baseline of 20: urgent alert only, badge not "Remission"', async () => {
    const p = await f.patient('ItemNine');
    await answerAsPatient(p, phq9Total(20), TEST_NOW + DAY);
    const result = await answerAsPatient(p, phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]), TEST_NOW + 3 * WEEK);
    expect(result.crisis).not.toBeNull();
    expect(result.response.total).toBe(3);
    expect(result.response.interpretation).toMatchObject({ remission: false, response: false });
    await deliverPendingEvents(f.t.deps);
    const alerts = await alertsOf(p);
    expect(alerts.map((a) => a.type)).toEqual(['self_harm_answer']);
    expect(alerts[0]?.severity).toBe('urgent');
    const row = await registryRow(staff.therapist, p);
    expect(row?.status).not.toBe('remission');
    expect(row?.status).not.toBe('response');
    expect(row?.flags).toContain('safety_risk');
  });

  it('a GAD-7 at remission on the day of a positive item 9 raises no good news either', async () => {
    const p = await f.patient('SameDay');
    const gad7 = (items: number[]) => ({ id: uuid(), instrument: 'gad7', answers: { items } });
    await answerAsPatient(p, gad7([2, 2, 2, 2, 2, 2, 2]), TEST_NOW + DAY);
    await answerAsPatient(p, phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]), TEST_NOW + 4 * WEEK);
    await answerAsPatient(p, gad7([0, 0, 0, 0, 0, 0, 1]), TEST_NOW + 4 * WEEK + 60_000);
    await deliverPendingEvents(f.t.deps);
    expect((await alertsOf(p)).map((a) => a.type)).not.toContain('good_news');
  });

  it('a baseline of 3 alone is not remission and raises no good news', async () => {
    const p = await f.patient('LowBaseline');
    const result = await answerAsPatient(p, phq9Total(3), TEST_NOW + DAY);
    expect(result.response.interpretation).toMatchObject({ isBaseline: true, remission: false });
    await deliverPendingEvents(f.t.deps);
    expect(await alertsOf(p)).toEqual([]);
    expect((await registryRow(staff.therapist, p))?.status).toBe('early');
  });
});

describe('relapse against the best recent score', () => {
  it('PHQ-9 21 → 9 → 19 in two weeks: worsening alert; the open "response" good news closes', async () => {
    const p = await f.patient('Relapse');
    await answerAsPatient(p, phq9Total(21), TEST_NOW + DAY);
    await answerAsPatient(p, phq9Total(9), TEST_NOW + 4 * WEEK);
    await deliverPendingEvents(f.t.deps);
    const news = (await alertsOf(p)).filter((a) => a.type === 'good_news');
    expect(news).toHaveLength(1);
    expect(news[0]?.state).toBe('open');

    await answerAsPatient(p, phq9Total(19), TEST_NOW + 6 * WEEK);
    await deliverPendingEvents(f.t.deps);
    const alerts = await alertsOf(p);
    const worsening = alerts.filter((a) => a.type === 'measure_worsening');
    expect(worsening).toHaveLength(1);
    expect(worsening[0]?.title).toBe('Worsening: PHQ-9 19');
    const closed = alerts.find((a) => a.id === news[0]?.id);
    expect(closed?.state).toBe('resolved');
    expect(closed?.resolution_note).toContain('PHQ-9 of 19');
    expect((await registryRow(staff.therapist, p))?.status).toBe('worsening');
  });
});

describe('answer dates and the baseline', () => {
  let p: string;
  let base = TEST_NOW;
  const url = () => `/api/patients/${p}/measures`;
  const post = (body: unknown) => call(f.t.app, staff.therapist, 'POST', url(), body);
  const errorAt = (res: { statusCode: number; body: string }, path: string) => {
    expect(res.statusCode).toBe(400);
    const parsed = JSON.parse(res.body) as { error: { details: { path: string; message: string }[] } };
    const details = parsed.error.details;
    expect(details.map((d) => d.path)).toEqual([path]);
    return details[0]?.message ?? '';
  };

  beforeAll(async () => {
    base = f.t.clock.now();
    p = await f.patient('Dates');
    await answerAsPatient(p, phq9Total(12), base + 30 * DAY);
    await at(base + 30 * DAY + 60_000);
  });

  it.each([
    ['dated 1970', () => Date.UTC(1970, 0, 1), 'before the patient was enrolled'],
    ['dated 1899', () => Date.UTC(1899, 5, 1), 'before 1900'],
    ['in the future', () => base + 31 * DAY, 'in the future'],
    ['before enrolment', () => base - 2 * DAY, 'before the patient was enrolled'],
    ['20 days back (limit 14)', () => base + 10 * DAY, 'at most 14 days'],
  ])('an in-session answer %s is refused at the field', async (_, date, words) => {
    const answeredAt = date();
    const message = errorAt(
      await post({ ...phq9Total(10), answeredAt, backdateReason: 'Paper form' }),
      'body.answeredAt',
    );
    expect(message).toContain(words);
  });

  it('a backdated answer needs a reason; with one it is kept, and it does not become the baseline', async () => {
    const answeredAt = base + 27 * DAY;
    errorAt(await post({ ...phq9Total(20), answeredAt }), 'body.backdateReason');
    const res = await post({
      ...phq9Total(20),
      answeredAt,
      backdateReason: 'Paper form from the intake session',
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<SubmitResult>().response;
    expect(saved).toMatchObject({
      backdateReason: 'Paper form from the intake session',
      source: 'in_session',
    });
    // Dated before the patient's first answer, yet the baseline stays the first recorded one (12).
    expect(saved.interpretation).toMatchObject({ isBaseline: false, baselineTotal: 12 });
    const list = await call(f.t.app, staff.therapist, 'GET', url());
    const responses = list.json<{ responses: QuestionnaireResponse[] }>().responses;
    expect(responses.map((r) => [r.total, r.interpretation.isBaseline])).toEqual([
      [20, false],
      [12, true],
    ]);
  });

  it('the clinic can allow a longer backdating limit', async () => {
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ backdateLimitDays: 28 }) })
      .where('id', '=', f.clinic)
      .execute();
    const res = await post({
      ...phq9Total(15),
      answeredAt: base + 10 * DAY,
      backdateReason: 'Phone call',
    });
    expect(res.statusCode, res.body).toBe(201);
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: '{}' })
      .where('id', '=', f.clinic)
      .execute();
  });

  it('"use as baseline" is an explicit choice with a reason, If-Match, history and audit', async () => {
    const list = await call(f.t.app, staff.therapist, 'GET', url());
    const earliest = list
      .json<{ responses: QuestionnaireResponse[] }>()
      .responses.find((r) => r.total === 15);
    expect(earliest).toBeDefined();
    const put = (headers: Record<string, string>, body: unknown, session = staff.therapist) =>
      call(f.t.app, session, 'PUT', `/api/patients/${p}/measure-baselines/phq9`, body, headers);
    const body = { responseId: earliest?.id, reason: 'Intake answers by phone: the true start' };
    expect((await put({}, body)).statusCode).toBe(428);
    expect((await put({ 'if-match': '0' }, { ...body, reason: '' })).statusCode).toBe(400);
    const patientSession = await f.signInPatient(p);
    // The patient does not choose their baseline (care-team route: their own record answers 404 there).
    expect((await put({ 'if-match': '0' }, body, patientSession)).statusCode).toBe(404);
    const ok = await put({ 'if-match': '0' }, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"1"');
    const history = ok.json<BaselineHistory>();
    expect(history.baselines.find((b) => b.instrument === 'phq9')).toMatchObject({
      responseId: earliest?.id,
      chosen: true,
      version: 1,
    });
    expect(history.changes[0]).toMatchObject({ reason: body.reason, instrument: 'phq9' });
    expect(history.changes[0]?.previousResponseId).not.toBeNull();
    expect((await put({ 'if-match': '0' }, body)).statusCode).toBe(412);
    const after = await call(f.t.app, staff.therapist, 'GET', url());
    const rows = after.json<{ responses: QuestionnaireResponse[] }>().responses;
    expect(rows.find((r) => r.total === 15)?.interpretation.isBaseline).toBe(true);
    expect(rows.find((r) => r.total === 12)?.interpretation).toMatchObject({
      isBaseline: false,
      baselineTotal: 15,
    });
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', p)
      .where('action', '=', 'measure.baseline.choose')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const read = await call(f.t.app, staff.prescriber, 'GET', `/api/patients/${p}/measure-baselines`);
    expect(read.json<BaselineHistory>().changes).toHaveLength(1);
    expect((await registryRow(staff.therapist, p))?.phq9.baseline?.total).toBe(15);
  });
});
