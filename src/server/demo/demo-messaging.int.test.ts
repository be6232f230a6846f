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

describe('demo clinic conversations', () => {
  it('seeds conversations, a team thread and an open consult through the real use cases', async () => {
    const kinds = await t.deps.database.db
      .selectFrom('conversations')
      .select(['kind', 'awaiting_message_id'])
      .execute();
    expect(kinds.filter((k) => k.kind === 'team')).toHaveLength(1);
    expect(kinds.filter((k) => k.kind === 'patient')).toHaveLength(2);
    expect(kinds.filter((k) => k.awaiting_message_id !== null)).toHaveLength(1);
    const consults = await t.deps.database.db.selectFrom('consults').select(['state', 'priority']).execute();
    expect(consults).toEqual([{ state: 'open', priority: 'high' }]);
    const reads = await t.deps.database.db.selectFrom('message_reads').select('user_id').execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});
