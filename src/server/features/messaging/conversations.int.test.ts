import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { ConversationDetail, ConversationSummary, Message } from '../../../shared/messaging/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';

let f: MessagingFixture;
let base: string;
let teamThreadId: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/conversations`;
});
afterAll(() => f.t.close());

const list = async (who: keyof MessagingFixture['as'], url = base) => {
  const res = await call(f.t.app, f.as[who], 'GET', url);
  return {
    status: res.statusCode,
    conversations: res.json<{ conversations?: ConversationSummary[] }>().conversations ?? [],
  };
};

describe('the team thread', () => {
  it('exists once for the care team and is absent from the patient’s list', async () => {
    const first = await list('therapist');
    const again = await list('prescriber');
    const team = first.conversations.filter((c) => c.kind === 'team');
    expect(team).toHaveLength(1);
    expect(again.conversations.filter((c) => c.kind === 'team').map((c) => c.id)).toEqual(
      team.map((c) => c.id),
    );
    teamThreadId = team[0]!.id;
    const mine = await list('patient');
    expect(mine.status).toBe(200);
    expect(mine.conversations.some((c) => c.kind === 'team')).toBe(false);
  });

  it('answers the patient 404 for reading, posting and marking read, like an unknown id', async () => {
    const read = await call(f.t.app, f.as.patient, 'GET', `${base}/${teamThreadId}`);
    const post = await call(f.t.app, f.as.patient, 'POST', `${base}/${teamThreadId}/messages`, {
      id: uuid(),
      body: 'hi',
    });
    const unknown = await call(f.t.app, f.as.patient, 'GET', `${base}/${uuid()}`);
    expect([read.statusCode, post.statusCode, unknown.statusCode]).toEqual([404, 404, 404]);
    expect(read.json()).toEqual(unknown.json());
  });

  it('a mention must name someone on the care team; it notifies the team by email without details', async () => {
    const stranger = await call(f.t.app, f.as.therapist, 'POST', `${base}/${teamThreadId}/messages`, {
      id: uuid(),
      body: 'Thoughts?',
      mentions: [f.outsider.id],
    });
    expect(stranger.statusCode).toBe(400);
    expect(JSON.stringify(stranger.json())).toContain('mentions');

    const before = await f.t.deps.database.db.selectFrom('mail_outbox').select('id').execute();
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${teamThreadId}/messages`, {
      id: uuid(),
      body: 'Sleep worse since the dose change, Zelda says.',
      mentions: [f.prescriber.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<Message>().mentions).toEqual([{ userId: f.prescriber.id, name: 'Pete Prescriber' }]);
    const mails = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', 'not in', before.length ? before.map((m) => m.id) : ['-'])
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([f.careManager.email, f.prescriber.email].sort());
    for (const m of mails) {
      expect(`${m.subject} ${m.text_body}`).not.toMatch(/Zelda|Quixotic|Sleep|dose/);
    }
  });
});

describe('conversations with the patient', () => {
  let conversationId: string;
  let firstMessageId: string;

  it('the patient asks their care team: conversation, event and detail-free emails', async () => {
    conversationId = uuid();
    firstMessageId = uuid();
    const body = {
      id: conversationId,
      subject: 'Nausea after pills',
      firstMessage: { id: firstMessageId, body: 'I feel sick every morning.' },
    };
    const res = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(res.statusCode).toBe(201);
    const detail = res.json<ConversationDetail>();
    expect(detail.conversation).toMatchObject({
      id: conversationId,
      kind: 'patient',
      subject: 'Nausea after pills',
      awaitingReply: true,
    });
    expect(detail.messages.map((m) => m.body)).toEqual(['I feel sick every morning.']);
    expect(detail.participants.map((p) => p.role).sort()).toEqual([
      'care_manager',
      'patient',
      'prescriber',
      'therapist',
    ]);

    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'message.from_patient')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload) as unknown)).toContainEqual({
      conversationId,
      messageId: firstMessageId,
    });
    expect(events.find((e) => e.payload.includes(firstMessageId))?.patient_id).toBe(f.patient.overview.id);

    const mails = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', '%new message%')
      .execute();
    const toTeam = mails.filter((m) =>
      [f.therapist.email, f.prescriber.email, f.careManager.email].includes(m.to_address),
    );
    expect(toTeam.length).toBeGreaterThanOrEqual(3);
    for (const m of mails) expect(`${m.subject} ${m.text_body}`).not.toMatch(/Zelda|Quixotic|Nausea|sick/);

    const again = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(again.statusCode).toBe(200);
    expect(again.json<ConversationDetail>().messages).toHaveLength(1);
  });

  it('a retried message returns the first result, never a duplicate', async () => {
    const msg = { id: uuid(), body: 'Also a headache.' };
    const first = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, msg);
    const retry = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      ...msg,
      body: 'changed on retry',
    });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const rows = await f.t.deps.database.db
      .selectFrom('messages')
      .select('id')
      .where('id', '=', msg.id)
      .execute();
    expect(rows).toHaveLength(1);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('payload', 'like', `%${msg.id}%`)
      .execute();
    expect(events).toHaveLength(1);
    // The same id from someone else, or in another conversation, is a conflict, not a replay.
    const hijack = await call(f.t.app, f.as.therapist, 'POST', `${base}/${conversationId}/messages`, msg);
    expect(hijack.statusCode).toBe(409);
  });

  it('two copies of one message sent at once store it once', async () => {
    const msg = { id: uuid(), body: 'Sent twice from a flaky phone.' };
    const url = `${base}/${conversationId}/messages`;
    const answers = await Promise.all([
      call(f.t.app, f.as.patient, 'POST', url, msg),
      call(f.t.app, f.as.patient, 'POST', url, msg),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0].json()).toEqual(answers[1].json());
    const rows = await f.t.deps.database.db
      .selectFrom('messages')
      .select('id')
      .where('id', '=', msg.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the patient cannot mention people, nor reach another patient’s conversations', async () => {
    const mention = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'hello',
      mentions: [f.therapist.id],
    });
    expect(mention.statusCode).toBe(400);
    const othersBase = `/api/patients/${f.otherPatient.overview.id}/conversations`;
    expect((await call(f.t.app, f.as.patient, 'GET', othersBase)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', `${base}/${conversationId}`)).statusCode).toBe(404);
    // The other patient's own conversation cannot be read through this patient's path either.
    const theirs = uuid();
    await call(f.t.app, f.as.otherPatient, 'POST', othersBase, {
      id: theirs,
      subject: 'Mine',
      firstMessage: { id: uuid(), body: 'private' },
    });
    expect((await call(f.t.app, f.as.patient, 'GET', `${base}/${theirs}`)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.therapist, 'GET', `${base}/${theirs}`)).statusCode).toBe(404);
  });

  it('read receipts: who has read each message, and when', async () => {
    const mark = await call(f.t.app, f.as.therapist, 'POST', `${base}/${conversationId}/read`, {
      upToMessageId: firstMessageId,
    });
    expect(mark.json()).toEqual({ marked: 1 });
    f.t.clock.advance(60_000);
    const all = (
      await call(f.t.app, f.as.prescriber, 'GET', `${base}/${conversationId}`)
    ).json<ConversationDetail>();
    expect(all.conversation.unreadCount).toBe(3);
    const last = all.messages.at(-1)!;
    expect(
      (
        await call(f.t.app, f.as.prescriber, 'POST', `${base}/${conversationId}/read`, {
          upToMessageId: last.id,
        })
      ).json(),
    ).toEqual({ marked: 3 });
    expect(
      (
        await call(f.t.app, f.as.prescriber, 'POST', `${base}/${conversationId}/read`, {
          upToMessageId: last.id,
        })
      ).json(),
    ).toEqual({ marked: 0 });

    const seen = (
      await call(f.t.app, f.as.patient, 'GET', `${base}/${conversationId}`)
    ).json<ConversationDetail>();
    const first = seen.messages.find((m) => m.id === firstMessageId)!;
    expect(first.readBy).toEqual([
      { userId: f.therapist.id, name: 'Tess Therapist', at: expect.any(Number) as number },
      { userId: f.prescriber.id, name: 'Pete Prescriber', at: expect.any(Number) as number },
    ]);
    expect(first.readBy[1]!.at - first.readBy[0]!.at).toBe(60_000);
    expect(seen.messages.find((m) => m.id === last.id)!.readBy.map((r) => r.name)).toEqual([
      'Pete Prescriber',
    ]);
    const unknown = await call(f.t.app, f.as.therapist, 'POST', `${base}/${conversationId}/read`, {
      upToMessageId: uuid(),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('a clinician’s answer ends the wait, emails the patient only, and is audited', async () => {
    const before = await f.t.deps.database.db.selectFrom('mail_outbox').select('id').execute();
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'Take it with food; we will talk Thursday.',
    });
    expect(res.statusCode).toBe(201);
    const mails = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where(
        'id',
        'not in',
        before.map((m) => m.id),
      )
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([f.patient.overview.email]);
    expect(mails[0]!.text_body).not.toMatch(/food|Thursday|Zelda/);
    const summary = (await list('patient')).conversations.find((c) => c.id === conversationId);
    expect(summary).toMatchObject({ awaitingReply: false, messageCount: 4 });
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', 'like', 'message.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['message.create', 'message.mark_read']));
  });

  it('validates the body: length, UUID ids', async () => {
    const long = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'x'.repeat(5001),
    });
    const badId = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      id: 'abc',
      body: 'ok',
    });
    const empty = await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: '   ',
    });
    expect([long.statusCode, badId.statusCode, empty.statusCode]).toEqual([400, 400, 400]);
  });
});
