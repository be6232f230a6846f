// Issue 19: the timeline's window is bounded (TIMELINE_MAX_DAYS): without `from` it covers at most the ten years
// up to `to` and says when the record starts earlier (`hasMore`); a window asked longer is a 400 naming the bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/time/index.js';
import { call, createTestContext, signIn, TEST_NOW, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
} from '../../testing/factories.js';
import { TIMELINE_MAX_DAYS } from '../../../shared/lists/limits.js';

const DAY = 86_400_000;
type Answer = { from: string; to: string; today: string; hasMore: boolean };
let t: TestContext;
let longAgo: BuiltPatient;
let recent: BuiltPatient;
let therapist: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  t.clock.set(TEST_NOW - 11 * 366 * DAY);
  longAgo = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
  t.clock.set(TEST_NOW);
  recent = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

const timeline = async (patient: BuiltPatient, query = '') => {
  const session = await signIn(t.app, therapist.email, PASSWORD);
  return call(t.app, session, 'GET', `/api/patients/${patient.overview.id}/timeline${query}`);
};

describe('GET …/timeline is bounded', () => {
  it('without from: at most the last ten years, hasMore when the record starts earlier', async () => {
    const res = await timeline(longAgo);
    expect(res.statusCode).toBe(200);
    const answer = res.json<Answer>();
    expect(answer.hasMore).toBe(true);
    expect(answer.from).toBe(addDays(answer.to, -(TIMELINE_MAX_DAYS - 1)));
    const fresh = (await timeline(recent)).json<Answer>();
    expect(fresh.hasMore).toBe(false);
    expect(fresh.from).toBe(fresh.today);
  });

  it('a window asked longer than the bound is a 400 at query.from naming it', async () => {
    const to = '2026-11-02';
    const res = await timeline(longAgo, `?from=${addDays(to, -TIMELINE_MAX_DAYS)}&to=${to}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string; message: string }[] } }>().error.details).toEqual([
      { path: 'query.from', message: `At most ${String(TIMELINE_MAX_DAYS)} days before ${to}` },
    ]);
    const longest = await timeline(longAgo, `?from=${addDays(to, -(TIMELINE_MAX_DAYS - 1))}&to=${to}`);
    expect(longest.statusCode).toBe(200);
    expect(longest.json<Answer>().hasMore).toBe(false);
  });
});

describe('GET /api/me/progress is bounded the same way', () => {
  it('says when the record starts before the ten years shown', async () => {
    const session = await signIn(t.app, longAgo.user.email, PASSWORD);
    const res = await call(t.app, session, 'GET', '/api/me/progress');
    expect(res.statusCode).toBe(200);
    expect(res.json<Answer>().hasMore).toBe(true);
  });
});
