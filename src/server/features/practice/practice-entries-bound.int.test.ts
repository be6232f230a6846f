// Issue 19: a patient's practice entries (GET /api/patients/:id/practice/entries) are bounded: the latest
// PRACTICE_ENTRIES_MAX by day, answered oldest first, with hasMore when older ones are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { PracticeAssignment, PracticeEntry } from '../../../shared/practice/schemas.js';
import { PRACTICE_ENTRIES_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let base: string;
let latestId = '';
let otherAssignment = '';
const olderIds: string[] = [];

const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function list(query = '') {
  const res = await call(f.t.app, f.as.patient, 'GET', `${base}/entries${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ entries: PracticeEntry[]; hasMore: boolean }>();
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/practice`;
  const assign = async (type: string) => {
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, {
      id: uuid(),
      type,
      frequency: { kind: 'daily' },
      dueDay: '2026-11-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PracticeAssignment>().id;
  };
  const assignmentId = await assign('thought_record');
  otherAssignment = await assign('diary_card');
  latestId = uuid();
  const saved = await call(f.t.app, f.as.patient, 'PUT', `${base}/entries/${latestId}`, {
    assignmentId,
    content: { situation: 'Today' },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('practice_entries')
    .selectAll()
    .where('id', '=', latestId)
    .executeTakeFirstOrThrow();
  // Older drafts, one a day before the last, in one transaction.
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < PRACTICE_ENTRIES_MAX; start += 100) {
      const batch = Array.from({ length: Math.min(100, PRACTICE_ENTRIES_MAX - start) }, (_, k) => {
        const id = newId();
        olderIds.push(id);
        return { ...original, id, day: dayBefore(original.day, start + k + 1) };
      });
      await trx.insertInto('practice_entries').values(batch).execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/practice/entries is bounded (issue 19)', () => {
  it('past the maximum: the latest entries by day, oldest first, with hasMore', async () => {
    const page = await list();
    expect(page.entries).toHaveLength(PRACTICE_ENTRIES_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.entries.at(-1)?.id).toBe(latestId);
    expect(page.entries[0]?.id).toBe(olderIds.at(-2));
    expect(page.entries.map((e) => e.id)).not.toContain(olderIds.at(-1));
  });

  it('a list that fits says nothing is missing', async () => {
    expect(await list(`?assignmentId=${otherAssignment}`)).toEqual({ entries: [], hasMore: false });
  });
});
