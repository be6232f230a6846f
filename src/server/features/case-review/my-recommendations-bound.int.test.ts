// Issue 19: "My recommendations" (GET /api/case-review/my-recommendations) is bounded: at most
// MY_RECOMMENDATIONS_MAX open recommendations, the earliest due first (one due sooner is never the one left
// out), with hasMore when some are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { Recommendation } from '../../../shared/registry/case-review.js';
import type { MyRecommendation } from '../../../shared/case-review/recommendations.js';
import { MY_RECOMMENDATIONS_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let dueSoonId = '';
const undatedIds: string[] = [];

async function mine() {
  const res = await call(f.t.app, as.therapist, 'GET', '/api/case-review/my-recommendations');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ recommendations: MyRecommendation[]; hasMore: boolean }>();
}

beforeAll(async () => {
  f = await registryFixture();
  f.t.clock.set(TEST_NOW);
  const patientId = await f.patient('Busy');
  as = await f.sessions();
  // One recommendation through the route, due soon (and created last), then undated copies, each older.
  const res = await call(
    f.t.app,
    as.prescriber,
    'POST',
    `/api/patients/${patientId}/case-review/recommendations`,
    {
      id: uuid(),
      summary: 'Increase sertraline to 100 mg',
      assignedTo: f.users.therapist.id,
      dueDate: '2026-11-09',
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  dueSoonId = res.json<Recommendation>().id;
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('case_review_recommendations')
    .selectAll()
    .where('id', '=', dueSoonId)
    .executeTakeFirstOrThrow();
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < MY_RECOMMENDATIONS_MAX; start += 50) {
      const batch = Array.from({ length: Math.min(50, MY_RECOMMENDATIONS_MAX - start) }, (_, k) => {
        const id = newId();
        undatedIds.push(id);
        return { ...original, id, due_date: null, created_at: original.created_at - 1_000_000 + start + k };
      });
      await trx.insertInto('case_review_recommendations').values(batch).execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/case-review/my-recommendations is bounded (issue 19)', () => {
  it('past the maximum: the one due soonest first, then the oldest undated ones, with hasMore', async () => {
    const page = await mine();
    expect(page.recommendations).toHaveLength(MY_RECOMMENDATIONS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.recommendations[0]?.id).toBe(dueSoonId);
    const ids = page.recommendations.map((r) => r.id);
    expect(ids).toContain(undatedIds[0]);
    expect(ids).not.toContain(undatedIds.at(-1));
  });

  it('a list that fits says nothing is missing', async () => {
    const res = await call(f.t.app, as.careManager, 'GET', '/api/case-review/my-recommendations');
    expect(res.json()).toEqual({ recommendations: [], hasMore: false });
  });
});
