import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import {
  agreeFirstVersion,
  body,
  buildPlanWorld,
  ifMatch,
  sign,
  startFromTemplate,
  type PlanWorld,
} from './plan.test-kit.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const outboxOf = (patientId: string, type: string) =>
  t.deps.database.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('type', '=', type)
    .orderBy('created_at')
    .execute();

describe('templates', () => {
  it('a clinic starts with two default templates; clinicians add their own, names are unique', async () => {
    const w = await buildPlanWorld(t);
    const list = (await call(t.app, w.ts, 'GET', '/api/plan-templates')).json().templates as {
      name: string;
    }[];
    expect(list.map((x) => x.name)).toEqual([
      'Bipolar: IPT/social-rhythm + mood stabiliser',
      'Depression: CBT + SSRI',
    ]);
    const again = (await call(t.app, w.ps, 'GET', '/api/plan-templates')).json().templates as unknown[];
    expect(again).toHaveLength(2);
    const added = await call(t.app, w.cs, 'POST', '/api/plan-templates', {
      name: 'Anxiety: CBT',
      content: { therapy: { modality: 'CBT' } },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().content.therapy.modality).toBe('CBT');
    const dup = await call(t.app, w.cs, 'POST', '/api/plan-templates', { name: 'Anxiety: CBT', content: {} });
    expect(dup.statusCode).toBe(409);
  });
});

describe('drafting a plan', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await buildPlanWorld(t);
  });

  it('starts version 1 from a template, once', async () => {
    const v1 = await startFromTemplate(t, w);
    expect(v1).toMatchObject({ number: 1, status: 'draft', version: 1 });
    expect(v1.content.therapy.modality).toBe('CBT');
    expect((v1.content.measurement as { questionnaires: unknown[] }).questionnaires).toHaveLength(2);
    const again = await call(t.app, w.ts, 'POST', w.planUrl, {});
    expect(again.statusCode).toBe(409);
  });

  it('needs If-Match (428); a stale edit gets 412 with the current draft', async () => {
    const goals = [
      { id: 'g1', inPatientsWords: 'Sleep through the night', measurableTarget: '6 nights a week' },
    ];
    const none = await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { goals });
    expect(none.statusCode).toBe(428);
    const ok = await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { goals }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await call(
      t.app,
      w.cs,
      'PATCH',
      `${w.planUrl}/draft`,
      { reviewDate: '2026-12-24' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details.current).toMatchObject({
      version: 2,
      content: { goals: [{ id: 'g1' }] },
    });
  });

  it('each clinician changes only their own part; shared parts are the whole team’s', async () => {
    let v = body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`));
    const therapy = { ...v.content.therapy, plannedSessions: 12 };
    const medication = { strategy: 'Sertraline 50 mg, review at week 4', medicationIds: [] };
    const byPrescriber = await call(t.app, w.ps, 'PATCH', `${w.planUrl}/draft`, { therapy }, ifMatch(v));
    expect(byPrescriber.statusCode).toBe(403);
    expect(byPrescriber.json().error.code).toBe('forbidden');
    const byTherapist = await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { medication }, ifMatch(v));
    expect(byTherapist.statusCode).toBe(403);
    const byManager = await call(t.app, w.cs, 'PATCH', `${w.planUrl}/draft`, { therapy }, ifMatch(v));
    expect(byManager.statusCode).toBe(403);
    // Sending an owned part unchanged alongside a shared change is fine.
    const shared = await call(
      t.app,
      w.cs,
      'PATCH',
      `${w.planUrl}/draft`,
      { therapy: v.content.therapy, safetyPlan: { warningSigns: ['Not sleeping'] } },
      ifMatch(v),
    );
    expect(shared.statusCode).toBe(200);
    v = body(shared);
    expect(
      body(await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { therapy }, ifMatch(v))).version,
    ).toBe(v.version + 1);
    v = body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`));
    expect(
      (await call(t.app, w.ps, 'PATCH', `${w.planUrl}/draft`, { medication }, ifMatch(v))).statusCode,
    ).toBe(200);
    const denied = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('patient_id', '=', w.patient.overview.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual(expect.arrayContaining([{ action: 'plan.edit', actor_id: w.prescriber.id }]));
  });

  it('validates content: ICD-10-CM shape, IPT problem area only with IPT', async () => {
    const v = body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`));
    const badCode = await call(
      t.app,
      w.ts,
      'PATCH',
      `${w.planUrl}/draft`,
      { problems: [{ id: 'p1', description: 'Depression', icd10: 'depression' }] },
      ifMatch(v),
    );
    expect(badCode.statusCode).toBe(400);
    const ipt = await call(
      t.app,
      w.ts,
      'PATCH',
      `${w.planUrl}/draft`,
      { therapy: { modality: 'CBT', iptProblemArea: 'grief' } },
      ifMatch(v),
    );
    expect(ipt.statusCode).toBe(400);
  });
});

describe('signing and agreement', () => {
  it('a blank plan cannot be submitted; submitting writes the event in the same transaction', async () => {
    const w = await buildPlanWorld(t);
    const blank = body(await call(t.app, w.ts, 'POST', w.planUrl, {}));
    const refused = await call(t.app, w.ts, 'POST', `${w.planUrl}/draft/submit`, undefined, ifMatch(blank));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.missing.map((m: { path: string }) => m.path)).toContain('goals');
    expect(await outboxOf(w.patient.overview.id, 'plan.signature_requested')).toHaveLength(0);
  });

  it('agreement needs both signatures on the exact version; an edit invalidates signatures', async () => {
    const w = await buildPlanWorld(t);
    const v1 = await startFromTemplate(t, w);
    const submitted = await call(t.app, w.ts, 'POST', `${w.planUrl}/draft/submit`, undefined, ifMatch(v1));
    expect(submitted.statusCode).toBe(200);
    expect(body(submitted).status).toBe('awaiting_signatures');
    const events = await outboxOf(w.patient.overview.id, 'plan.signature_requested');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({
      versionId: v1.id,
      versionNumber: 1,
      awaitingUserIds: [w.therapist.id, w.prescriber.id].sort(),
    });

    // The care manager cannot sign; a stale signature is refused.
    expect((await sign(t, w, w.cs, v1)).statusCode).toBe(403);
    expect((await sign(t, w, w.ts, { version: 99 })).statusCode).toBe(412);

    const afterTherapist = body(await sign(t, w, w.ts, v1));
    expect(afterTherapist.status).toBe('awaiting_signatures');
    expect(afterTherapist.awaitingSignatureFrom.map((a) => a.userId)).toEqual([w.prescriber.id]);
    const second = await outboxOf(w.patient.overview.id, 'plan.signature_requested');
    expect(JSON.parse(second[1]?.payload ?? '{}').awaitingUserIds).toEqual([w.prescriber.id]);

    // The worker turns the request into an alert for the prescriber.
    await deliverPendingEvents(t.deps);
    const open = () =>
      t.deps.database.db
        .selectFrom('alerts')
        .select(['state', 'type'])
        .where('subject_id', '=', v1.id)
        .where('state', '=', 'open')
        .execute();
    expect((await open()).length).toBeGreaterThan(0);

    // The prescriber edits their part: the therapist's signature no longer counts.
    const edited = await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      { medication: { strategy: 'Escitalopram 10 mg', medicationIds: [] } },
      ifMatch(afterTherapist),
    );
    expect(edited.statusCode).toBe(200);
    const v1b = body(edited);
    expect(v1b.status).toBe('draft');
    expect(v1b.signatures).toEqual([expect.objectContaining({ userId: w.therapist.id, valid: false })]);
    expect(v1b.awaitingSignatureFrom.map((a) => a.userId).sort()).toEqual(
      [w.therapist.id, w.prescriber.id].sort(),
    );
    // Signing the old version is a stale signature.
    expect((await sign(t, w, w.ps, afterTherapist)).statusCode).toBe(412);

    const byPrescriber = body(await sign(t, w, w.ps, v1b));
    expect(byPrescriber.status).toBe('awaiting_signatures');
    const agreed = body(await sign(t, w, w.ts, v1b));
    expect(agreed.status).toBe('agreed');
    // Agreed on 2026-11-02 (the test clock; 09:00 in Chicago): review 4 weeks later by default.
    expect(agreed.reviewDate).toBe('2026-11-30');
    expect(agreed.awaitingSignatureFrom).toEqual([]);
    expect(await open()).toEqual([]);

    const history = (await call(t.app, w.cs, 'GET', `${w.planUrl}/history`)).json().entries as {
      action: string;
      by: { name: string };
      sections: string[];
    }[];
    expect(history.map((h) => h.action).reverse()).toEqual([
      'started',
      'submitted',
      'signed',
      'edited',
      'signatures_invalidated',
      'signed',
      'signed',
      'agreed',
    ]);
    expect(history.find((h) => h.action === 'edited')).toMatchObject({
      by: { name: 'Pete Prescriber' },
      sections: ['medication'],
    });
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', w.patient.overview.id)
      .where('outcome', '=', 'allowed')
      .execute();
    for (const action of ['plan.start', 'plan.submit', 'plan.sign', 'plan.edit', 'plan.read_history'])
      expect(
        audited.some((a) => a.action === action),
        action,
      ).toBe(true);
  });

  it('a change to the agreed plan starts a new draft with a reason; the diff shows what changed', async () => {
    const w = await buildPlanWorld(t);
    const v1 = await agreeFirstVersion(t, w);
    expect(
      (await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { reviewDate: null }, ifMatch(v1))).statusCode,
    ).toBe(409);
    expect((await call(t.app, w.ts, 'POST', `${w.planUrl}/draft`, {})).statusCode).toBe(400);
    const started = await call(t.app, w.ps, 'POST', `${w.planUrl}/draft`, {
      reason: 'Side effects at 50 mg',
    });
    expect(started.statusCode).toBe(201);
    const v2 = body(started);
    expect(v2).toMatchObject({ number: 2, status: 'draft', reason: 'Side effects at 50 mg' });
    expect((await call(t.app, w.ps, 'POST', `${w.planUrl}/draft`, { reason: 'again' })).statusCode).toBe(409);
    const goals = v2.content.goals.map((g) => ({ ...g, status: 'met' }));
    const edited = body(await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { goals }, ifMatch(v2)));
    await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      { medication: { strategy: 'Switch to escitalopram', medicationIds: [] } },
      ifMatch(edited),
    );
    const diff = await call(t.app, w.cs, 'GET', `${w.planUrl}/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changes).toEqual([
      { path: 'goals[id=g1].status', before: 'active', after: 'met' },
      expect.objectContaining({ path: 'medication.strategy', after: 'Switch to escitalopram' }),
    ]);
    expect((await call(t.app, w.cs, 'GET', `${w.planUrl}/diff?from=1&to=9`)).statusCode).toBe(404);
    // The overview shows the agreed version and the draft side by side.
    const overview = (await call(t.app, w.cs, 'GET', w.planUrl)).json().plan;
    expect(overview.agreed.number).toBe(1);
    expect(overview.draft.number).toBe(2);
    expect(overview.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });
});
