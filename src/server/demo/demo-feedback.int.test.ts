import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic feedback', () => {
  it('has two rounds of four-weekly ratings per patient, each rating the sessions', async () => {
    const rounds = await t.deps.database.db
      .selectFrom('treatment_ratings as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select(['p.given_name', 'r.id', 'r.rated_day'])
      .orderBy('r.rated_at')
      .execute();
    for (const name of ['Sam', 'Maya', 'Tom'])
      expect(rounds.filter((r) => r.given_name === name)).toHaveLength(2);
    const sessions = await t.deps.database.db
      .selectFrom('treatment_rating_items')
      .select('score')
      .where('part_kind', '=', 'sessions')
      .execute();
    expect(sessions).toHaveLength(6);
    // Practice types assigned by the practice demo are rated too.
    const practice = await t.deps.database.db
      .selectFrom('treatment_rating_items')
      .select('part_key')
      .where('part_kind', '=', 'practice')
      .execute();
    expect(practice.length).toBeGreaterThan(0);
  });

  it('has session feedback on attended sessions, with one low rating that alerted the therapist', async () => {
    const rows = await t.deps.database.db
      .selectFrom('session_feedback as f')
      .innerJoin('patients as p', 'p.id', 'f.patient_id')
      .select(['p.given_name', 'f.low', 'f.goals_rating'])
      .execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.low === 1).map((r) => r.given_name)).toEqual(['Tom']);
    await deliverPendingEvents(t.deps);
    const alerts = await t.deps.database.db
      .selectFrom('alerts')
      .select('type')
      .where('type', '=', 'session_feedback_low')
      .execute();
    expect(alerts).toHaveLength(1);
  });
});
