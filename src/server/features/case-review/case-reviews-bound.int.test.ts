// Issue 19: a clinician's case reviews (GET /api/case-reviews) are bounded: the latest CASE_REVIEW_SESSIONS_MAX
// by date among the ones they created or take part in, with hasMore when older ones are not listed. (It was
// the clinic's latest 200 sessions filtered afterwards, so a participant could lose theirs without a word.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { CaseReviewSession } from '../../../shared/registry/api.js';
import { CASE_REVIEW_SESSIONS_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { registryFixture, type RegistryFixture } from '../registry/registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let latestId = '';
const olderIds: string[] = [];

async function list(who: keyof typeof as) {
  const res = await call(f.t.app, as[who], 'GET', '/api/case-reviews');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ sessions: CaseReviewSession[]; hasMore: boolean }>();
}

const day = (offset: number) =>
  new Date(Date.UTC(2026, 10, 5) - offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  f = await registryFixture();
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
  const created = await call(f.t.app, as.careManager, 'POST', '/api/case-reviews', {
    reviewDate: day(0),
    participantIds: [f.users.prescriber.id],
  });
  expect(created.statusCode, created.body).toBe(201);
  latestId = created.json<CaseReviewSession>().id;
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('case_review_sessions')
    .selectAll()
    .where('id', '=', latestId)
    .executeTakeFirstOrThrow();
  // The prescriber's older reviews (one a day before), and as many newer ones of the clinic without them.
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < CASE_REVIEW_SESSIONS_MAX; start += 50) {
      const n = Math.min(50, CASE_REVIEW_SESSIONS_MAX - start);
      const theirs = Array.from({ length: n }, (_, k) => {
        const id = newId();
        olderIds.push(id);
        return { ...original, id, review_date: day(start + k + 1) };
      });
      const others = Array.from({ length: n }, () => ({
        ...original,
        id: newId(),
        review_date: '2026-12-01',
        participant_ids: JSON.stringify([f.users.therapist.id]),
      }));
      await trx
        .insertInto('case_review_sessions')
        .values([...theirs, ...others])
        .execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/case-reviews is bounded (issue 19)', () => {
  it('past the maximum: the latest of their own reviews, none of the others, with hasMore', async () => {
    const page = await list('prescriber');
    expect(page.sessions).toHaveLength(CASE_REVIEW_SESSIONS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.sessions[0]?.id).toBe(latestId);
    expect(page.sessions.every((s) => s.participants.some((p) => p.userId === f.users.prescriber.id))).toBe(
      true,
    );
    const ids = page.sessions.map((s) => s.id);
    expect(ids).toContain(olderIds.at(-2));
    expect(ids).not.toContain(olderIds.at(-1));
  });

  it('a list that fits says nothing is missing', async () => {
    const page = await list('therapist');
    expect(page.sessions).toHaveLength(CASE_REVIEW_SESSIONS_MAX);
    expect(page.hasMore).toBe(false);
    expect(await list('outsider')).toEqual({ sessions: [], hasMore: false });
  });
});
