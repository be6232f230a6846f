import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD } from '../../testing/factories.js';
import {
  agreeFirstVersion,
  body,
  buildPlanWorld,
  startFromTemplate,
  type PlanWorld,
} from './plan.test-kit.js';
import { checkPlanReviewsDue } from './review-due.check.js';
import { defaultsFor } from '../../../shared/crisis/select.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("the patient's side", () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await buildPlanWorld(t);
  });

  it('sees no drafts: no plan in the overview, 404 on the draft version, no patient view yet', async () => {
    await startFromTemplate(t, w);
    const overview = (await call(t.app, w.pt, 'GET', w.planUrl)).json().plan;
    expect(overview).toMatchObject({ agreed: null, draft: null, versions: [] });
    expect((await call(t.app, w.pt, 'GET', `${w.planUrl}/versions/1`)).statusCode).toBe(404);
    expect((await call(t.app, w.pt, 'GET', `${w.planUrl}/history`)).statusCode).toBe(404);
    expect((await call(t.app, w.pt, 'GET', `${w.planUrl}/diff?from=1&to=1`)).statusCode).toBe(404);
    expect((await call(t.app, w.pt, 'GET', `${w.planUrl}/patient-view`)).json()).toEqual({ view: null });
    const safety = await call(t.app, w.pt, 'GET', `/api/patients/${w.patient.overview.id}/safety-plan`);
    expect(safety.json()).toEqual({ versionNumber: null, agreedAt: null, safetyPlan: null });
    expect((await call(t.app, w.pt, 'POST', `${w.planUrl}/acknowledge`)).statusCode).toBe(409);
  });

  it('reads the agreed plan in plain words, acknowledges it and asks about it', async () => {
    const v1 = body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`));
    await call(
      t.app,
      w.ts,
      'POST',
      `${w.planUrl}/draft/sign`,
      { attested: true },
      { 'if-match': String(v1.version) },
    );
    await call(
      t.app,
      w.ps,
      'POST',
      `${w.planUrl}/draft/sign`,
      { attested: true },
      { 'if-match': String(v1.version) },
    );
    const overview = (await call(t.app, w.pt, 'GET', w.planUrl)).json().plan;
    expect(overview.agreed.number).toBe(1);
    expect(overview.draft).toBeNull();

    const view = (await call(t.app, w.pt, 'GET', `${w.planUrl}/patient-view`)).json().view;
    expect(view.sections.find((s: { key: string }) => s.key === 'medication').whatYouCanDo.join(' ')).toMatch(
      /as prescribed/,
    );
    const safety = (
      await call(t.app, w.pt, 'GET', `/api/patients/${w.patient.overview.id}/safety-plan`)
    ).json();
    expect(safety.versionNumber).toBe(1);
    // The plan started with the patient's country's crisis line first (the clinic's default country: US).
    const usCrisisLine = defaultsFor('US').find((r) => r.kind === 'crisis_line');
    expect(safety.safetyPlan.professionalsAndCrisisLines[0].phone).toBe(usCrisisLine?.phone);

    expect((await call(t.app, w.ts, 'POST', `${w.planUrl}/acknowledge`)).statusCode).toBe(403);
    const ack = await call(t.app, w.pt, 'POST', `${w.planUrl}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(body(ack)).toMatchObject({ status: 'agreed' });
    expect(ack.json().acknowledgedAt).toBe(t.clock.now());

    const asked = await call(t.app, w.pt, 'POST', `${w.planUrl}/versions/1/comments`, {
      body: 'Can I take the tablet in the evening?',
    });
    expect(asked.statusCode).toBe(201);
    const answered = await call(t.app, w.ts, 'POST', `${w.planUrl}/versions/1/comments`, {
      body: 'Yes, ask Dr Pete to confirm.',
    });
    expect(answered.statusCode).toBe(201);
    const thread = (await call(t.app, w.pt, 'GET', `${w.planUrl}/versions/1/comments`)).json().comments;
    expect(thread.map((c: { author: { role: string } }) => c.author.role)).toEqual(['patient', 'therapist']);

    // A new draft stays invisible to the patient, and comments belong on agreed versions.
    await call(t.app, w.ts, 'POST', `${w.planUrl}/draft`, { reason: 'Add sleep goal' });
    expect((await call(t.app, w.pt, 'GET', `${w.planUrl}/versions/2`)).statusCode).toBe(404);
    expect(
      (await call(t.app, w.pt, 'POST', `${w.planUrl}/versions/2/comments`, { body: 'hi' })).statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, w.ts, 'POST', `${w.planUrl}/versions/2/comments`, { body: 'hi' })).statusCode,
    ).toBe(409);
    const patientOverview = (await call(t.app, w.pt, 'GET', w.planUrl)).json().plan;
    expect(patientOverview.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', w.patient.user.id)
      .execute();
    for (const action of ['plan.acknowledge', 'plan.comment', 'plan.patient_view', 'safety_plan.read'])
      expect(
        audited.some((a) => a.action === action),
        action,
      ).toBe(true);
  });

  it('admins and other clinicians see nothing', async () => {
    const admin = await buildUser(t.deps, w.therapist.clinicId, 'admin');
    const outsider = await buildUser(t.deps, w.therapist.clinicId, 'therapist');
    for (const who of [admin, outsider]) {
      const s = await signIn(t.app, who.email, PASSWORD);
      expect((await call(t.app, s, 'GET', w.planUrl)).statusCode).toBe(404);
      expect(
        (await call(t.app, s, 'GET', `/api/patients/${w.patient.overview.id}/safety-plan`)).statusCode,
      ).toBe(404);
    }
  });
});

describe('reviews', () => {
  it('falls due on the review date (once), and a review continues or starts the next draft', async () => {
    const clinic = await buildClinic(t.deps);
    await t.deps.database.db
      .updateTable('clinics')
      // Two-step sign-in stays off, as buildClinic leaves it (a missing key reads as on, issue 13).
      .set({ settings: JSON.stringify({ planReviewWeeks: 6, staffTwoFactorRequired: false }) })
      .where('id', '=', clinic)
      .execute();
    const w = await buildPlanWorld(t, clinic);
    const v1 = await agreeFirstVersion(t, w);
    expect(v1.reviewDate).toBe('2026-12-14');

    const dueEvents = () =>
      t.deps.database.db
        .selectFrom('outbox_events')
        .selectAll()
        .where('patient_id', '=', w.patient.overview.id)
        .where('type', '=', 'plan.review_due')
        .execute();
    await checkPlanReviewsDue(t.deps);
    expect(await dueEvents()).toHaveLength(0);

    // 2026-12-14 00:30 UTC is still the 13th in Chicago: not due yet there.
    t.clock.set(Date.UTC(2026, 11, 14, 0, 30));
    await checkPlanReviewsDue(t.deps);
    expect(await dueEvents()).toHaveLength(0);
    t.clock.set(Date.UTC(2026, 11, 14, 15, 0));
    await checkPlanReviewsDue(t.deps);
    await checkPlanReviewsDue(t.deps);
    const due = await dueEvents();
    expect(due).toHaveLength(1);
    expect(due[0]?.dedupe_key).toBe(`review-due:${v1.id}`);
    expect(JSON.parse(due[0]?.payload ?? '{}')).toMatchObject({ versionId: v1.id, reviewDate: '2026-12-14' });

    // Sessions end after 30 idle minutes: sign in again after moving the clock.
    const relogin = async () => {
      w.ts = await signIn(t.app, w.therapist.email, PASSWORD);
      w.ps = await signIn(t.app, w.prescriber.email, PASSWORD);
      w.cs = await signIn(t.app, w.careManager.email, PASSWORD);
    };
    await relogin();
    const review = {
      heldOn: '2026-12-14',
      participantUserIds: [w.therapist.id, w.prescriber.id],
      patientTookPart: true,
      goalProgress: [{ goalId: 'g1', progress: 'some_progress' }],
      decision: 'continue',
    };
    const stranger = await call(t.app, w.ts, 'POST', `${w.planUrl}/reviews`, {
      ...review,
      goalProgress: [{ goalId: 'nope', progress: 'met' }],
    });
    expect(stranger.statusCode).toBe(400);
    const kept = await call(t.app, w.ts, 'POST', `${w.planUrl}/reviews`, review);
    expect(kept.statusCode).toBe(201);
    expect(kept.json()).toMatchObject({
      review: { decision: 'continue', nextReviewDate: '2027-01-25', nextDraftNumber: null },
      nextDraft: null,
    });
    const after = body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`));
    expect(after.reviewDate).toBe('2027-01-25');

    // The next cycle falls due with its own key.
    t.clock.set(Date.UTC(2027, 0, 25, 18, 0));
    await checkPlanReviewsDue(t.deps);
    expect((await dueEvents()).map((e) => e.dedupe_key)).toEqual([
      `review-due:${v1.id}`,
      `review-due:${v1.id}:1`,
    ]);
    await relogin();

    const noReason = await call(t.app, w.ps, 'POST', `${w.planUrl}/reviews`, {
      ...review,
      decision: 'step_up',
    });
    expect(noReason.statusCode).toBe(400);
    const stepUp = await call(t.app, w.ps, 'POST', `${w.planUrl}/reviews`, {
      ...review,
      heldOn: '2027-01-25',
      decision: 'step_up',
      notes: 'PHQ-9 down only 20% at week 12: raise the dose',
    });
    expect(stepUp.statusCode).toBe(201);
    expect(stepUp.json().nextDraft).toMatchObject({ number: 2, status: 'draft' });
    expect(stepUp.json().nextDraft.reason).toMatch(/^Review on 2027-01-25: step up\. PHQ-9/);
    const reviews = (await call(t.app, w.cs, 'GET', `${w.planUrl}/reviews`)).json().reviews;
    expect(
      reviews.map((r: { decision: string; nextDraftNumber: number | null }) => [
        r.decision,
        r.nextDraftNumber,
      ]),
    ).toEqual([
      ['step_up', 2],
      ['continue', null],
    ]);
    expect(reviews[0].participants.map((p: { name: string }) => p.name)).toEqual([
      'Tess Therapist',
      'Pete Prescriber',
    ]);
    t.clock.set(Date.UTC(2026, 10, 2, 15, 0));
  });
});
