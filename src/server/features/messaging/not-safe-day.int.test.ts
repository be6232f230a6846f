import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { QuestionnaireResponse, SubmitResult } from '../../../shared/measures/schemas.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';

// Issue 12: a message the patient flags "I'm not safe" makes its day a safety day, like a self-harm entry:
// no good news, no "Remission" (registry badge, answer reading) and no "well done" on the home card that day,
// whether the questionnaire comes after the message or before it.

const DAY = 86_400_000;
let f: MessagingFixture;
let measures: string;
let conversations: string;
let fixtures: MessagingFixture[] = [];

beforeEach(async () => {
  f = await messagingFixture();
  fixtures.push(f);
  measures = `/api/patients/${f.patient.overview.id}/measures`;
  conversations = `/api/patients/${f.patient.overview.id}/conversations`;
});
afterAll(async () => {
  for (const x of fixtures) await x.t.close();
  fixtures = [];
});

const phq9 = async (items: number[]) => {
  const res = await call(f.t.app, f.as.patient, 'POST', measures, {
    id: uuid(),
    instrument: 'phq9',
    answers: { items },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SubmitResult>().response;
};

async function notSafeMessage() {
  const conversationId = uuid();
  const started = await call(f.t.app, f.as.patient, 'POST', conversations, {
    id: conversationId,
    subject: 'Tonight',
    firstMessage: { id: uuid(), body: 'Hard day.' },
  });
  expect(started.statusCode, started.body).toBe(201);
  const res = await call(f.t.app, f.as.patient, 'POST', `${conversations}/${conversationId}/messages`, {
    id: uuid(),
    body: 'I do not feel safe.',
    notSafe: true,
  });
  expect(res.statusCode, res.body).toBe(201);
}

const goodNews = () =>
  f.t.deps.database.db
    .selectFrom('alerts')
    .select(['state', 'resolution_note'])
    .where('patient_id', '=', f.patient.overview.id)
    .where('type', '=', 'good_news')
    .execute();

async function registryStatus() {
  const res = await call(f.t.app, f.as.therapist, 'GET', '/api/registry');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegistryResponse>().patients.find((r) => r.patientId === f.patient.overview.id)?.status;
}

async function listed(id: string) {
  const res = await call(f.t.app, f.as.patient, 'GET', measures);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ responses: QuestionnaireResponse[] }>().responses.find((r) => r.id === id);
}

const baseline = [3, 3, 3, 2, 2, 2, 2, 2, 0]; // 19
const low = [1, 1, 0, 0, 0, 0, 0, 0, 0]; // 2: remission range, item 9 = 0

describe('a not-safe message, then a PHQ-9 in the remission range the same day', () => {
  it('raises no good news; the answer and the registry do not read "Remission"', async () => {
    await phq9(baseline);
    await f.setClock(f.t.clock.now() + 28 * DAY);
    await notSafeMessage();
    await f.setClock(f.t.clock.now() + 60 * 60_000);
    const answer = await phq9(low);
    expect(answer.total).toBe(2);
    expect(answer.item9).toBe(0);
    expect(answer.interpretation.remission).toBe(false);
    expect(answer.interpretation.response).toBe(false);
    // Before the outbox runs (no alert exists yet), the registry reads the day itself.
    expect(await registryStatus()).not.toBe('remission');
    expect((await listed(answer.id))?.interpretation.remission).toBe(false);

    await deliverPendingEvents(f.t.deps);
    expect(await goodNews()).toEqual([]);
    expect(await registryStatus()).not.toBe('remission');
  });

  it('the same answers without the message do read remission and raise good news (control)', async () => {
    await phq9(baseline);
    await f.setClock(f.t.clock.now() + 28 * DAY);
    const answer = await phq9(low);
    expect(answer.interpretation.remission).toBe(true);
    expect(await registryStatus()).toBe('remission');
    await deliverPendingEvents(f.t.deps);
    expect((await goodNews()).map((a) => a.state)).toEqual(['open']);
  });
});

describe('a PHQ-9 in the remission range, then a not-safe message the same day', () => {
  it('closes the good news, and the earlier answer no longer reads "Remission"', async () => {
    await phq9(baseline);
    await f.setClock(f.t.clock.now() + 28 * DAY);
    const answer = await phq9(low);
    await deliverPendingEvents(f.t.deps);
    expect((await goodNews()).map((a) => a.state)).toEqual(['open']);

    await f.setClock(f.t.clock.now() + 60 * 60_000);
    await notSafeMessage();
    expect((await listed(answer.id))?.interpretation.remission).toBe(false);
    expect(await registryStatus()).not.toBe('remission');
    const closed = await goodNews();
    expect(closed.map((a) => a.state)).toEqual(['resolved']);
    expect(closed[0]?.resolution_note).toContain('not safe');

    // The next day is an ordinary day again: the answer of that day reads as it is.
    await f.setClock(f.t.clock.now() + DAY);
    const next = await phq9(low);
    expect(next.interpretation.remission).toBe(true);
  });
});
