import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let patientId = '';
let strangerId = '';

beforeAll(async () => {
  f = await registryFixture();
  patientId = await f.patient('Reviewed');
  strangerId = await f.patient('Stranger', { team: [f.users.outsider] });
  as = await f.sessions();
});
afterAll(() => f.t.close());

const mark = (id: string) => `/api/patients/${id}/case-review/mark`;

describe('case review', () => {
  it('the care manager marks a patient; other roles and strangers cannot', async () => {
    expect((await call(f.t.app, as.therapist, 'PUT', mark(patientId), { reason: 'x' })).statusCode).toBe(403);
    expect((await call(f.t.app, as.careManager, 'PUT', mark(strangerId), { reason: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(f.t.app, as.careManager, 'PUT', mark(patientId), { reason: ' ' })).statusCode).toBe(
      400,
    );
    const res = await call(f.t.app, as.careManager, 'PUT', mark(patientId), {
      reason: 'PHQ-9 flat at week 11',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ reason: 'PHQ-9 flat at week 11', markedByName: 'Cam Manager' });
    const reg = (
      await call(f.t.app, as.therapist, 'GET', '/api/registry?flag=case_review')
    ).json<RegistryResponse>();
    expect(reg.patients.map((p) => p.familyName)).toEqual(['Reviewed']);
  });

  it('unmarking removes the flag; marking again restores it', async () => {
    expect((await call(f.t.app, as.careManager, 'DELETE', mark(patientId))).statusCode).toBe(204);
    const off = await call(f.t.app, as.therapist, 'GET', `/api/patients/${patientId}/case-review`);
    expect(off.json()).toMatchObject({ mark: null });
    await call(f.t.app, as.careManager, 'PUT', mark(patientId), { reason: 'PHQ-9 flat at week 11' });
  });

  it('a session walks through the marked patients; the consultant records a recommendation that reaches the team', async () => {
    expect(
      (await call(f.t.app, as.therapist, 'POST', '/api/case-reviews', { reviewDate: '2026-11-05' }))
        .statusCode,
    ).toBe(403);
    const created = await call(f.t.app, as.careManager, 'POST', '/api/case-reviews', {
      reviewDate: '2026-11-05',
      participantIds: [f.users.prescriber.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json<{ id: string; participants: { name: string }[] }>();
    expect(session.participants.map((p) => p.name)).toEqual(['Cam Manager', 'Pete Prescriber']);

    const walk = await call(f.t.app, as.prescriber, 'GET', `/api/case-reviews/${session.id}`);
    expect(walk.statusCode).toBe(200);
    expect(walk.json<{ agenda: { familyName: string }[] }>().agenda.map((a) => a.familyName)).toEqual([
      'Reviewed',
    ]);
    expect((await call(f.t.app, as.therapist, 'GET', `/api/case-reviews/${session.id}`)).statusCode).toBe(
      404,
    );
    expect((await call(f.t.app, as.prescriber, 'GET', '/api/case-reviews')).json()).toMatchObject({
      sessions: [{ id: session.id }],
    });

    const body = {
      id: uuid(),
      sessionId: session.id,
      summary: 'Increase sertraline to 100 mg; add behavioural activation',
      details: 'Recheck PHQ-9 in 4 weeks.',
    };
    const url = `/api/patients/${patientId}/case-review/recommendations`;
    expect((await call(f.t.app, as.careManager, 'POST', url, body)).statusCode).toBe(403);
    const first = await call(f.t.app, as.prescriber, 'POST', url, body);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await call(f.t.app, as.prescriber, 'POST', url, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());

    await deliverPendingEvents(f.t.deps);
    const alerts = await f.alertsOf(patientId, 'case_review_recommendation');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'routine', title: 'Case review recommendation' });
    expect(alerts[0]?.to).toEqual(
      [f.users.therapist.id, f.users.prescriber.id, f.users.careManager.id].sort(),
    );
    const inbox = await call(f.t.app, as.therapist, 'GET', '/api/inbox?type=case_review_recommendation');
    expect(inbox.json<{ alerts: { details: string }[] }>().alerts.map((a) => a.details)).toEqual([
      body.summary,
    ]);

    const record = await call(f.t.app, as.therapist, 'GET', `/api/patients/${patientId}/case-review`);
    expect(record.json()).toMatchObject({
      mark: null, // discussed
      recommendations: [
        { id: body.id, sessionId: session.id, byName: 'Pete Prescriber', summary: body.summary },
      ],
    });
    const after = await call(f.t.app, as.prescriber, 'GET', `/api/case-reviews/${session.id}`);
    expect(after.json()).toMatchObject({ agenda: [], recommendations: [{ id: body.id }] });

    // A high-priority recommendation reaches the team as a high alert.
    const high = { ...body, id: uuid(), priority: 'high', summary: 'Review lithium level this week' };
    expect((await call(f.t.app, as.prescriber, 'POST', url, high)).statusCode).toBe(201);
    await deliverPendingEvents(f.t.deps);
    const both = await f.alertsOf(patientId, 'case_review_recommendation');
    expect(both.map((a) => a.severity).sort()).toEqual(['high', 'routine']);
  });

  it("a stranger's record answers 404 and the reads are audited", async () => {
    expect(
      (await call(f.t.app, as.outsider, 'GET', `/api/patients/${patientId}/case-review`)).statusCode,
    ).toBe(404);
    const actions = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', patientId)
      .where('action', 'like', 'case_review.%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['case_review.mark', 'case_review.unmark', 'case_review.read', 'case_review.recommend']),
    );
  });
});
