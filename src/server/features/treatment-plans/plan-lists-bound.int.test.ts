// Issue 19: a plan's history, its reviews and the comments on one version are bounded (PLAN_HISTORY_MAX,
// PLAN_REVIEWS_MAX, PLAN_COMMENTS_MAX): `?limit=` above the maximum is a 400 naming it, never cut silently; a
// list cut at its limit says so (`hasMore`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../testing/test-app.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { PLAN_COMMENTS_MAX, PLAN_HISTORY_MAX, PLAN_REVIEWS_MAX } from '../../../shared/lists/limits.js';
import { agreeFirstVersion, buildPlanWorld, type PlanWorld } from './plan.test-kit.js';

let t: TestContext;
let w: PlanWorld;
beforeAll(async () => {
  t = await createTestContext();
  w = await buildPlanWorld(t);
  await agreeFirstVersion(t, w);
});
afterAll(() => t.close());

const get = (path: string) => call(t.app, w.ts, 'GET', `${w.planUrl}${path}`);

describe('plan lists are bounded', () => {
  it('history: above the maximum a 400 naming it; a small limit answers the newest with hasMore', async () => {
    expectLimitRefused(await get(`/history?limit=${String(PLAN_HISTORY_MAX + 1)}`), PLAN_HISTORY_MAX);
    const all = (await get('/history')).json<{ entries: { id: string }[]; hasMore: boolean }>();
    expect(all.entries.length).toBeGreaterThan(1);
    expect(all.hasMore).toBe(false);
    const cut = (await get('/history?limit=1')).json<{ entries: { id: string }[]; hasMore: boolean }>();
    expect(cut.hasMore).toBe(true);
    expect(cut.entries.map((e) => e.id)).toEqual([all.entries[0]?.id]);
  });

  it('comments: above the maximum a 400 naming it; a small limit answers the latest, oldest first', async () => {
    for (const text of ['First question', 'Second question', 'Third question']) {
      t.clock.advance(60_000);
      const res = await call(t.app, w.pt, 'POST', `${w.planUrl}/versions/1/comments`, { body: text });
      expect(res.statusCode).toBe(201);
    }
    const path = '/versions/1/comments';
    expectLimitRefused(await get(`${path}?limit=${String(PLAN_COMMENTS_MAX + 1)}`), PLAN_COMMENTS_MAX);
    type Comments = { comments: { body: string }[]; hasMore: boolean };
    const all = (await get(path)).json<Comments>();
    expect(all.comments.map((c) => c.body)).toEqual(['First question', 'Second question', 'Third question']);
    expect(all.hasMore).toBe(false);
    const cut = (await get(`${path}?limit=2`)).json<Comments>();
    expect(cut.comments.map((c) => c.body)).toEqual(['Second question', 'Third question']);
    expect(cut.hasMore).toBe(true);
  });

  it('reviews: above the maximum a 400 naming it; a small limit answers the newest with hasMore', async () => {
    const review = {
      heldOn: '2026-11-02',
      participantUserIds: [w.therapist.id, w.prescriber.id],
      patientTookPart: true,
      goalProgress: [{ goalId: 'g1', progress: 'some_progress' }],
      decision: 'continue',
    };
    for (let i = 0; i < 2; i++) {
      t.clock.advance(60_000);
      const res = await call(t.app, w.ts, 'POST', `${w.planUrl}/reviews`, review);
      expect(res.statusCode).toBe(201);
    }
    expectLimitRefused(await get(`/reviews?limit=${String(PLAN_REVIEWS_MAX + 1)}`), PLAN_REVIEWS_MAX);
    type Reviews = { reviews: { id: string }[]; hasMore: boolean };
    const all = (await get('/reviews')).json<Reviews>();
    expect(all.reviews).toHaveLength(2);
    expect(all.hasMore).toBe(false);
    const cut = (await get('/reviews?limit=1')).json<Reviews>();
    expect(cut.hasMore).toBe(true);
    expect(cut.reviews.map((r) => r.id)).toEqual([all.reviews[0]?.id]);
  });
});
