import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { scheduledChecks } from '../../scheduled-checks.js';
import { checkUnansweredMessages } from './unanswered-check.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';

let f: MessagingFixture;
let base: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/conversations`;
});
afterAll(() => f.t.close());

const unansweredEvents = () =>
  f.t.deps.database.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('type', '=', 'message.unanswered')
    .execute();

describe('unanswered patient messages (2 working days, UTC)', () => {
  it('is a registered scheduled check', () => {
    expect(scheduledChecks).toContain(checkUnansweredMessages);
  });

  it('a Friday message is overdue on Tuesday at the same time, once, and the answer closes its alerts', async () => {
    await f.setClock(Date.parse('2026-11-06T15:00:00Z')); // Friday
    const conversationId = uuid();
    const firstId = uuid();
    await call(f.t.app, f.as.patient, 'POST', base, {
      id: conversationId,
      subject: 'Dose question',
      firstMessage: { id: firstId, body: 'Can I take it at night?' },
    });
    await f.setClock(f.t.clock.now() + 3_600_000);
    await call(f.t.app, f.as.patient, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'Hello?',
    });

    await f.setClock(Date.parse('2026-11-09T20:00:00Z')); // Monday evening
    await checkUnansweredMessages(f.t.deps);
    expect(await unansweredEvents()).toHaveLength(0);

    await f.setClock(Date.parse('2026-11-10T15:00:00Z')); // Tuesday, 2 working days later
    await checkUnansweredMessages(f.t.deps);
    await checkUnansweredMessages(f.t.deps);
    const events = await unansweredEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.dedupe_key).toBe(`unanswered:${firstId}`);
    expect(JSON.parse(events[0]!.payload)).toEqual({
      conversationId,
      messageId: firstId,
      sentAt: Date.parse('2026-11-06T15:00:00Z'),
    });

    await deliverPendingEvents(f.t.deps);
    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .select(['type', 'severity', 'state', 'subject_id'])
      .where('patient_id', '=', f.patient.overview.id)
      .execute();
    expect(alerts).toContainEqual({
      type: 'message_unanswered',
      severity: 'high',
      state: 'open',
      subject_id: firstId,
    });
    expect(alerts.filter((a) => a.type === 'message_from_patient')).toHaveLength(2);

    await call(f.t.app, f.as.careManager, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'Yes, at night is fine.',
    });
    const after = await f.t.deps.database.db
      .selectFrom('alerts')
      .select(['type', 'state'])
      .where('patient_id', '=', f.patient.overview.id)
      .execute();
    expect(after.every((a) => a.state === 'resolved')).toBe(true);
    await f.setClock(f.t.clock.now() + 7 * 86_400_000);
    await checkUnansweredMessages(f.t.deps);
    expect(await unansweredEvents()).toHaveLength(1);
  });

  it('a message in the team thread, or a clinician writing first, never waits for an answer', async () => {
    await f.setClock(Date.parse('2026-11-16T09:00:00Z'));
    const conversationId = uuid();
    const res = await call(f.t.app, f.as.therapist, 'POST', base, {
      id: conversationId,
      subject: 'Check-in',
      firstMessage: { id: uuid(), body: 'How was the week?' },
    });
    expect(res.statusCode).toBe(201);
    await f.setClock(f.t.clock.now() + 10 * 86_400_000);
    await checkUnansweredMessages(f.t.deps);
    expect(await unansweredEvents()).toHaveLength(1);
  });
});
