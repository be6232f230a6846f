import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { Recommendation } from '../../../shared/registry/case-review.js';
import type { CaseReviewList, MyRecommendation } from '../../../shared/case-review/recommendations.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let patientId = '';
let otherId = '';
const DAY = 86_400_000;

beforeAll(async () => {
  f = await registryFixture();
  f.t.clock.set(TEST_NOW);
  patientId = await f.patient('Assigned');
  otherId = await f.patient('Quiet');
  as = await f.sessions();
});
afterAll(() => f.t.close());

const recs = (id: string) => `/api/patients/${id}/case-review/recommendations`;
const close = (id: string, recId: string) => `${recs(id)}/${recId}/close`;
const ifMatch = (v: number) => ({ 'if-match': `"${String(v)}"` });

async function recommend(extra: Record<string, unknown>) {
  const res = await call(f.t.app, as.prescriber, 'POST', recs(patientId), {
    id: uuid(),
    summary: 'Increase sertraline to 100 mg',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Recommendation>();
}

/** Sertraline 25 mg from today (TEST_NOW's day), 50 mg planned from 2026-11-09 (not yet a change). */
async function prescribeSertraline() {
  const catalogue = await call(f.t.app, as.prescriber, 'GET', '/api/medication-catalogue?q=sertraline');
  const catalogueId = catalogue.json<{ entries: { id: string }[] }>().entries[0]?.id ?? '';
  const body = {
    id: uuid(),
    catalogueId,
    form: 'tablet',
    route: 'oral',
    instructions: 'With breakfast',
    startDate: '2026-11-02',
    endDate: null,
    doseAmount: 25,
    doseUnit: 'mg',
    schedule: { kind: 'times', times: ['08:00'], weekdays: null },
    reason: 'Agreed at case review.',
    steps: [{ from: '2026-11-09', doseAmount: 50, doseUnit: 'mg' }],
  };
  const url = `/api/patients/${patientId}/medications`;
  let res = await call(f.t.app, as.prescriber, 'POST', url, body);
  if (res.statusCode === 409) {
    const warnings =
      res.json<{ error: { details?: { warnings?: { id: string }[] } } }>().error.details?.warnings ?? [];
    const safetyAnswers = warnings.map((w) => ({
      warningId: w.id,
      decision: 'proceed',
      reason: 'Reviewed.',
    }));
    res = await call(f.t.app, as.prescriber, 'POST', url, { ...body, safetyAnswers });
  }
  expect(res.statusCode, res.body).toBe(201);
}

describe('case-review recommendations: assigned, due, tracked until done or declined (issue 15)', () => {
  it('refuses an assignee off the team and a due date that has passed, at their fields', async () => {
    const res = await call(f.t.app, as.prescriber, 'POST', recs(patientId), {
      id: uuid(),
      summary: 'Add behavioural activation',
      assignedTo: f.users.outsider.id,
      dueDate: '2026-11-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual([
      'body.assignedTo',
      'body.dueDate',
    ]);
  });

  it('appears in the assignee\'s "My recommendations" until the assignee marks it done', async () => {
    const rec = await recommend({ assignedTo: f.users.therapist.id, dueDate: '2026-11-09' });
    expect(rec).toMatchObject({
      assignedTo: f.users.therapist.id,
      assignedToName: 'Tess Therapist',
      dueDate: '2026-11-09',
      status: 'open',
      version: 1,
    });
    const mine = await call(f.t.app, as.therapist, 'GET', '/api/case-review/my-recommendations');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ recommendations: MyRecommendation[] }>().recommendations).toMatchObject([
      { id: rec.id, patientFamilyName: 'Assigned', overdue: false },
    ]);
    const careManagers = await call(f.t.app, as.careManager, 'GET', '/api/case-review/my-recommendations');
    expect(careManagers.json<{ recommendations: unknown[] }>().recommendations).toEqual([]);

    // Overdue once the due day has passed on the patient's calendar.
    f.t.clock.set(TEST_NOW + 8 * DAY);
    as = await f.sessions(); // sessions end after a week idle
    const later = await call(f.t.app, as.therapist, 'GET', '/api/case-review/my-recommendations');
    expect(later.json<{ recommendations: MyRecommendation[] }>().recommendations[0]?.overdue).toBe(true);

    // Only the assignee or the consultant closes it; If-Match is required and checked.
    const body = { outcome: 'done' };
    expect(
      (await call(f.t.app, as.careManager, 'POST', close(patientId, rec.id), body, ifMatch(1))).statusCode,
    ).toBe(403);
    expect(
      (await call(f.t.app, as.outsider, 'POST', close(patientId, rec.id), body, ifMatch(1))).statusCode,
    ).toBe(404);
    expect((await call(f.t.app, as.therapist, 'POST', close(patientId, rec.id), body)).statusCode).toBe(428);
    expect(
      (await call(f.t.app, as.therapist, 'POST', close(patientId, rec.id), body, ifMatch(7))).statusCode,
    ).toBe(412);
    const done = await call(f.t.app, as.therapist, 'POST', close(patientId, rec.id), body, ifMatch(1));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.json()).toMatchObject({ status: 'done', closedByName: 'Tess Therapist', version: 2 });
    const again = await call(f.t.app, as.therapist, 'POST', close(patientId, rec.id), body, ifMatch(2));
    expect(again.statusCode).toBe(409);
    const after = await call(f.t.app, as.therapist, 'GET', '/api/case-review/my-recommendations');
    expect(after.json<{ recommendations: unknown[] }>().recommendations).toEqual([]);
    f.t.clock.set(TEST_NOW);
    as = await f.sessions();
  });

  it('a decline needs its reason; the consultant may close their own; the team alert is resolved', async () => {
    const rec = await recommend({ assignedTo: f.users.careManager.id });
    await deliverPendingEvents(f.t.deps);
    const declined = { outcome: 'declined', reason: '' };
    const noReason = await call(
      f.t.app,
      as.careManager,
      'POST',
      close(patientId, rec.id),
      declined,
      ifMatch(1),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.reason',
    );
    const res = await call(
      f.t.app,
      as.prescriber,
      'POST',
      close(patientId, rec.id),
      { outcome: 'declined', reason: 'Patient prefers to stay on 50 mg until the next visit.' },
      ifMatch(1),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      closedReason: 'Patient prefers to stay on 50 mg until the next visit.',
    });
    const states = await f.t.deps.database.db
      .selectFrom('alerts')
      .select('state')
      .where('subject_id', '=', rec.id)
      .execute();
    expect(states.map((s) => s.state)).toEqual(['resolved']);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'case_review.recommendation_closed')
      .where('dedupe_key', '=', `case-review-recommendation-closed:${rec.id}`)
      .execute();
    expect(events.map((e) => JSON.parse(e.payload) as unknown)).toMatchObject([{ outcome: 'declined' }]);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', rec.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('case_review.recommendation_declined');
  });

  it('the case-review list carries registry facts, medications and open recommendations in one read', async () => {
    const open = await recommend({ assignedTo: f.users.therapist.id });
    await prescribeSertraline();
    await f.score(patientId, 'phq9', 18, TEST_NOW - 6 * 7 * DAY);
    await f.score(patientId, 'phq9', 12, TEST_NOW - DAY);
    const res = await call(f.t.app, as.careManager, 'GET', '/api/case-review/list');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<CaseReviewList>();
    expect(list.patients.map((p) => p.familyName)).toEqual(['Assigned']);
    expect(list.patients[0]).toMatchObject({
      phq9: { latest: { total: 12 }, baseline: { total: 18 } },
      medications: ['Sertraline 25 mg'],
      lastMedicationChange: { day: '2026-11-02', summary: 'Sertraline started at 25 mg' },
      openRecommendations: [{ id: open.id, status: 'open' }],
    });
    const all = await call(f.t.app, as.careManager, 'GET', '/api/case-review/list?scope=caseload');
    expect(
      all
        .json<CaseReviewList>()
        .patients.map((p) => p.familyName)
        .sort(),
    ).toEqual(['Assigned', 'Quiet']);
    expect(otherId).not.toBe('');
    const outsider = await call(f.t.app, as.outsider, 'GET', '/api/case-review/list?scope=caseload');
    expect(outsider.json<CaseReviewList>().patients).toEqual([]);
  });
});
