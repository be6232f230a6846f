import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { PracticeAssignment, PracticeEntry } from '../../../shared/practice/schemas.js';
import type { SubmitResult } from '../../../shared/measures/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

// Issue 12: self-harm outside questionnaires. A completed diary card or thought record at risk shows the
// patient their crisis resources and safety plan at once, and alerts (through the outbox, in the entry's
// transaction) only those on the team who may read it. No good news that day.

let f: MessagingFixture;
let base: string;
let diary: PracticeAssignment;
let thoughts: PracticeAssignment;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/practice`;
  const assign = async (type: string) => {
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, {
      id: uuid(),
      type,
      frequency: { kind: 'daily' },
      dueDay: '2026-12-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PracticeAssignment>();
  };
  diary = await assign('diary_card');
  thoughts = await assign('thought_record');
});
afterAll(() => f.t.close());

const save = (entryId: string, body: Record<string, unknown>) =>
  call(f.t.app, f.as.patient, 'PUT', `${base}/entries/${entryId}`, body);

async function selfHarmAlerts(subjectId: string) {
  const rows = await f.t.deps.database.db
    .selectFrom('alerts as a')
    .innerJoin('alert_recipients as r', 'r.alert_id', 'a.id')
    .select(['a.id', 'a.severity', 'a.title', 'r.role'])
    .where('a.subject_id', '=', subjectId)
    .where('a.type', '=', 'self_harm_answer')
    .execute();
  return { alerts: new Set(rows.map((r) => r.id)).size, roles: rows.map((r) => r.role).sort(), rows };
}

const scratched = {
  urges: [
    { behaviour: 'Self-harm', urge: 4, actedOn: true },
    { behaviour: 'Suicide', urge: 1, actedOn: false },
  ],
  distress: 8,
  note: 'Scratched my arm',
};

describe('a diary card with a self-harm urge acted on', () => {
  it('shows crisis resources at once and alerts the whole team (shared with the team), exactly once', async () => {
    const id = uuid();
    const draft = await save(id, { assignmentId: diary.id, content: scratched });
    expect(draft.statusCode, draft.body).toBe(201);
    // A draft is the patient's alone: nothing leaves it yet.
    expect(draft.json<PracticeEntry>().crisis ?? null).toBeNull();
    await deliverPendingEvents(f.t.deps);
    expect((await selfHarmAlerts(id)).alerts).toBe(0);

    const done = await save(id, { assignmentId: diary.id, content: scratched, done: true });
    expect(done.statusCode, done.body).toBe(200);
    const entry = done.json<PracticeEntry>();
    expect(entry.crisis?.resources.length).toBeGreaterThan(0);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select(['payload'])
      .where('type', '=', 'practice.self_harm_reported')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload) as { entryId: string }).map((p) => p.entryId)).toContain(
      id,
    );

    // A retried save answers the same crisis and writes nothing twice.
    const retry = await save(id, { assignmentId: diary.id, content: scratched, done: true });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<PracticeEntry>().crisis).not.toBeNull();
    await deliverPendingEvents(f.t.deps);
    const sent = await selfHarmAlerts(id);
    expect(sent.alerts).toBe(1);
    expect(sent.roles).toEqual(['care_manager', 'prescriber', 'therapist']);
    expect(sent.rows[0]).toMatchObject({ severity: 'urgent', title: 'Self-harm risk on a diary card' });
  });

  it('the therapist resolves the entry alert with a risk assessment that reached the patient', async () => {
    const id = uuid();
    const res = await save(id, { assignmentId: diary.id, content: scratched, done: true });
    expect(res.statusCode, res.body).toBe(201);
    await deliverPendingEvents(f.t.deps);
    const alert = (await selfHarmAlerts(id)).rows[0];
    expect(alert).toBeDefined();
    const assessed = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/alerts/${alert?.id ?? ''}/risk-assessments`,
      {
        id: uuid(),
        contactedAt: f.t.clock.now() - 60_000,
        method: 'phone',
        outcome: 'no_immediate_risk',
      },
    );
    expect(assessed.statusCode, assessed.body).toBe(201);
    const state = await f.t.deps.database.db
      .selectFrom('alerts')
      .select('state')
      .where('id', '=', alert?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('resolved');
  });

  it('a therapist-only card alerts the therapist only (and can be sent before the rest is filled in)', async () => {
    const id = uuid();
    const res = await save(id, {
      assignmentId: diary.id,
      sharing: 'therapist',
      content: { urges: [{ behaviour: 'Suicide', urge: 5, actedOn: false }] },
      done: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<PracticeEntry>().crisis).not.toBeNull();
    await deliverPendingEvents(f.t.deps);
    expect((await selfHarmAlerts(id)).roles).toEqual(['therapist']);
  });

  it('a card without risk (urge 3, not acted on) alerts no one and shows no crisis', async () => {
    const id = uuid();
    const res = await save(id, {
      assignmentId: diary.id,
      content: { urges: [{ behaviour: 'Self-harm', urge: 3, actedOn: false }], distress: 4 },
      done: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<PracticeEntry>().crisis ?? null).toBeNull();
    await deliverPendingEvents(f.t.deps);
    expect((await selfHarmAlerts(id)).alerts).toBe(0);
  });
});

describe('a thought record the patient flags "I\'m not safe"', () => {
  it('alerts the therapist (its default sharing) and shows crisis resources', async () => {
    const id = uuid();
    const res = await save(id, {
      assignmentId: thoughts.id,
      content: {
        situation: 'Alone at night',
        moods: [{ name: 'Hopeless', intensity: 90 }],
        thoughts: [{ text: 'Nothing will change', belief: 90, hot: true }],
        evidenceFor: 'x',
        evidenceAgainst: 'y',
        balancedThought: 'z',
        balancedBelief: 20,
        notSafe: true,
      },
      done: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<PracticeEntry>().crisis).not.toBeNull();
    await deliverPendingEvents(f.t.deps);
    expect((await selfHarmAlerts(id)).roles).toEqual(['therapist']);
  });
});

describe('no good news on the day of a self-harm entry', () => {
  it('a PHQ-9 at remission the same day raises no good news; one already open closes', async () => {
    const measures = `/api/patients/${f.patient.overview.id}/measures`;
    const phq9 = (items: number[]) => ({ id: uuid(), instrument: 'phq9', answers: { items } });
    await f.setClock(f.t.clock.now() + DAY);
    const first = await call(f.t.app, f.as.patient, 'POST', measures, phq9([3, 3, 2, 2, 2, 2, 2, 2, 0]));
    expect(first.statusCode).toBe(201);
    await f.setClock(f.t.clock.now() + 21 * DAY);
    const low = await call(f.t.app, f.as.patient, 'POST', measures, phq9([1, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(low.json<SubmitResult>().response.interpretation.remission).toBe(true);
    await deliverPendingEvents(f.t.deps);
    const goodNews = () =>
      f.t.deps.database.db
        .selectFrom('alerts')
        .select(['id', 'state', 'resolution_note'])
        .where('patient_id', '=', f.patient.overview.id)
        .where('type', '=', 'good_news')
        .execute();
    expect((await goodNews()).map((a) => a.state)).toEqual(['open']);

    const res = await save(uuid(), { assignmentId: diary.id, content: scratched, done: true });
    expect(res.statusCode, res.body).toBe(201);
    const closed = await goodNews();
    expect(closed.map((a) => a.state)).toEqual(['resolved']);
    expect(closed[0]?.resolution_note).toContain('self-harm entry');

    // A later remission answer the same day still raises none.
    await f.setClock(f.t.clock.now() + 60_000);
    await call(f.t.app, f.as.patient, 'POST', measures, phq9([1, 0, 0, 0, 0, 0, 0, 0, 0]));
    await deliverPendingEvents(f.t.deps);
    expect(await goodNews()).toHaveLength(1);
  });
});

describe('a message the patient flags "I\'m not safe"', () => {
  it('answers with crisis resources and alerts the whole team urgently; an ordinary message does not', async () => {
    const conversations = `/api/patients/${f.patient.overview.id}/conversations`;
    const conversationId = uuid();
    const started = await call(f.t.app, f.as.patient, 'POST', conversations, {
      id: conversationId,
      subject: 'Tonight',
      firstMessage: { id: uuid(), body: 'Hard evening.' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const messageId = uuid();
    const res = await call(f.t.app, f.as.patient, 'POST', `${conversations}/${conversationId}/messages`, {
      id: messageId,
      body: 'I do not feel safe tonight.',
      notSafe: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ crisis?: { resources: unknown[] } }>().crisis?.resources.length).toBeGreaterThan(0);
    await deliverPendingEvents(f.t.deps);
    const sent = await selfHarmAlerts(messageId);
    expect(sent.alerts).toBe(1);
    expect(sent.roles).toEqual(['care_manager', 'prescriber', 'therapist']);
    expect(sent.rows[0]).toMatchObject({ severity: 'urgent', title: 'Self-harm risk on a message' });
    expect((await selfHarmAlerts(conversationId)).alerts).toBe(0);
  });
});
