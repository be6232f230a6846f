import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic plans', () => {
  it('seeds plans in different states through the real use cases', async () => {
    const versions = await t.deps.database.db
      .selectFrom('treatment_plan_versions')
      .select(['status', 'acknowledged_at'])
      .orderBy('status')
      .execute();
    expect(versions.map((v) => v.status)).toEqual(['agreed', 'awaiting_signatures', 'draft']);
    expect(versions[0]?.acknowledged_at).not.toBeNull();
    const comments = await t.deps.database.db.selectFrom('treatment_plan_comments').select('body').execute();
    expect(comments).toHaveLength(1);
    const requested = await t.deps.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where('type', '=', 'plan.signature_requested')
      .execute();
    expect(requested.length).toBeGreaterThan(0);
  });
});
