// Issue 19: a clinician's consult list (GET /api/consults) is bounded: at most MY_CONSULTS_MAX, open ones
// first (an open consult is never the one left out), then the newest, with hasMore when some are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { Consult } from '../../../shared/messaging/schemas.js';
import { MY_CONSULTS_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';

let f: MessagingFixture;
let openId: string;
const closedIds: string[] = [];

async function mine(query = '') {
  const res = await call(f.t.app, f.as.prescriber, 'GET', `/api/consults${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ consults: Consult[]; hasMore: boolean }>();
}

beforeAll(async () => {
  f = await messagingFixture();
  // One consult asked through the route (the oldest, still open), then closed copies of it, each newer.
  const res = await call(f.t.app, f.as.therapist, 'POST', `/api/patients/${f.patient.overview.id}/consults`, {
    id: uuid(),
    toUserId: f.prescriber.id,
    priority: 'routine',
    question: 'Sleep is worse since the dose went up. Keep it?',
  });
  expect(res.statusCode).toBe(201);
  openId = res.json<Consult>().id;
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('consults')
    .selectAll()
    .where('id', '=', openId)
    .executeTakeFirstOrThrow();
  for (let start = 0; start < MY_CONSULTS_MAX; start += 50) {
    const batch = Array.from({ length: Math.min(50, MY_CONSULTS_MAX - start) }, (_, k) => {
      const id = newId();
      closedIds.push(id);
      const at = original.created_at + (start + k + 1) * 1000;
      return { ...original, id, state: 'closed', closed_by: f.prescriber.id, closed_at: at, created_at: at };
    });
    await db.insertInto('consults').values(batch).execute();
  }
});
afterAll(() => f.t.close());

describe('GET /api/consults is bounded (issue 19)', () => {
  it('past the maximum: the open consult first, then the newest closed ones, with hasMore', async () => {
    const page = await mine();
    expect(page.consults).toHaveLength(MY_CONSULTS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.consults[0]?.id).toBe(openId);
    const ids = page.consults.map((c) => c.id);
    expect(ids).not.toContain(closedIds[0]);
    expect(ids).toContain(closedIds.at(-1));
  });

  it('a filter that fits answers everything and says nothing is missing', async () => {
    const open = await mine('?state=open');
    expect(open.consults.map((c) => c.id)).toEqual([openId]);
    expect(open.hasMore).toBe(false);
  });
});
