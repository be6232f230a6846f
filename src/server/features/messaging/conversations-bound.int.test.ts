// Issue 19: a patient's conversations (GET /api/patients/:id/conversations) are bounded: at most
// CONVERSATIONS_MAX, the team thread first, then those awaiting a reply (one is never left out for a quiet
// one), then the most recently active, with hasMore when some are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { ConversationDetail, ConversationList } from '../../../shared/messaging/schemas.js';
import { CONVERSATIONS_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';

let f: MessagingFixture;
let url = '';
let awaitingId = '';
const quietIds: string[] = []; // oldest first

beforeAll(async () => {
  f = await messagingFixture();
  url = `/api/patients/${f.patient.overview.id}/conversations`;
  // The patient asks (awaiting a reply, the oldest activity), then quiet conversations, each more recent.
  const asked = await call(f.t.app, f.as.patient, 'POST', url, {
    id: uuid(),
    subject: 'Dose question',
    firstMessage: { id: uuid(), body: 'Can I take it at night instead?' },
  });
  expect(asked.statusCode, asked.body).toBe(201);
  awaitingId = asked.json<ConversationDetail>().conversation.id;
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', awaitingId)
    .executeTakeFirstOrThrow();
  const at = original.last_message_at ?? original.created_at;
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < CONVERSATIONS_MAX; start += 100) {
      const batch = Array.from({ length: Math.min(100, CONVERSATIONS_MAX - start) }, (_, k) => {
        const id = newId();
        quietIds.push(id);
        const t = at + (start + k + 1) * 1000;
        return {
          ...original,
          id,
          awaiting_message_id: null,
          awaiting_since: null,
          created_at: t,
          last_message_at: t,
        };
      });
      await trx.insertInto('conversations').values(batch).execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/conversations is bounded (issue 19)', () => {
  it('past the maximum: the team thread, the one awaiting a reply, then the latest, with hasMore', async () => {
    const res = await call(f.t.app, f.as.therapist, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ConversationList>();
    expect(page.conversations).toHaveLength(CONVERSATIONS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.conversations[0]?.kind).toBe('team');
    expect(page.conversations[1]?.id).toBe(awaitingId);
    expect(page.conversations[1]?.awaitingReply).toBe(true);
    const ids = page.conversations.map((c) => c.id);
    expect(ids[2]).toBe(quietIds.at(-1));
    expect(ids).not.toContain(quietIds[0]);
  });

  it('the patient (no team thread) sees their question first, then the latest, with hasMore', async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ConversationList>();
    expect(page.conversations).toHaveLength(CONVERSATIONS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.conversations[0]?.id).toBe(awaitingId);
    expect(page.conversations.some((c) => c.kind === 'team')).toBe(false);
  });
});
