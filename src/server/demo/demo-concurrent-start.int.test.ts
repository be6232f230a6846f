// Issue 19: two instances starting together on one empty database (DUET_DEMO=1) seed the demo clinic once.
// On PostgreSQL (the postgres leg) the seed takes an advisory lock; on SQLite the write transaction serialises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { migrateToLatest } from '../db/migrate.js';
import { demoStaff, seedDemoClinic } from './seed-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('two instances starting together', () => {
  it('migrate and seed concurrently without error: one demo clinic, each demo user once', async () => {
    const start = async () => {
      await migrateToLatest(t.deps.database);
      return seedDemoClinic(t.deps);
    };
    const seeded = await Promise.all([start(), start()]);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const clinics = await t.deps.database.db.selectFrom('clinics').select('id').execute();
    expect(clinics).toHaveLength(1);
    const staff = await t.deps.database.db
      .selectFrom('users')
      .select('email')
      .where(
        'email',
        'in',
        demoStaff.map((s) => s.email),
      )
      .execute();
    expect(staff).toHaveLength(demoStaff.length);
    // A third start finds the clinic and changes nothing.
    expect(await seedDemoClinic(t.deps)).toBe(false);
  });
});
