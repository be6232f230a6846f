// Issue 19: a patient's session feedback (GET /api/patients/:id/session-feedback) is bounded: the latest
// SESSION_FEEDBACK_MAX by session, answered oldest first, with hasMore when older answers are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { SessionFeedbackList } from '../../../shared/feedback/schemas.js';
import { SESSION_FEEDBACK_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { insertSessionFeedback } from './feedback.repository.js';

let f: MessagingFixture;
let base = '';
let answer: (count: number) => Promise<void>;
const ids: string[] = []; // oldest session first
const WEEK = 7 * 86_400_000;

async function list() {
  const res = await call(f.t.app, f.as.therapist, 'GET', base);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SessionFeedbackList>();
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/session-feedback`;
  const now = f.t.clock.now();
  answer = (count: number) =>
    f.t.deps.database.transaction(async (trx) => {
      for (let k = ids.length; k < count; k++) {
        const id = newId();
        ids.push(id);
        await insertSessionFeedback(trx, {
          id,
          clinic_id: f.therapist.actor.clinicId,
          patient_id: f.patient.overview.id,
          appointment_id: newId(),
          session_at: now - (SESSION_FEEDBACK_MAX + 1 - k) * WEEK,
          session_day: '2016-11-01',
          helped: 'Talking it through',
          not_helped: '',
          goals_rating: 8,
          heard_rating: 9,
          change_request: '',
          low: 0,
          submitted_by: f.patient.user.id,
          created_at: now,
        });
      }
    });
  await answer(SESSION_FEEDBACK_MAX);
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/session-feedback is bounded (issue 19)', () => {
  it('exactly the maximum: everything, oldest first, and nothing said missing', async () => {
    const page = await list();
    expect(page.feedback.map((a) => a.id)).toEqual(ids);
    expect(page.hasMore).toBe(false);
  });

  it('past the maximum: the latest by session, oldest first, with hasMore', async () => {
    await answer(SESSION_FEEDBACK_MAX + 1);
    const page = await list();
    expect(page.feedback).toHaveLength(SESSION_FEEDBACK_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.feedback.map((a) => a.id)).toEqual(ids.slice(1));
  });
});
