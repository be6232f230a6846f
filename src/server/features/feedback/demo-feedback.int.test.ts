import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import { seedDemoClinic } from '../../demo/seed-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('demo clinic feedback', () => {
  it('has two rounds of four-weekly ratings per patient, each rating the sessions', async () => {
    expect(await seedDemoClinic(t.deps)).toBe(true);
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
  });
});
