import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';
import { medicationContextFor } from '../features/allergies/medication-context.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic allergies and other medicines', () => {
  it("Sam: confirmed penicillin allergy, sumatriptan and weight; St John's wort waits for the team", async () => {
    await deliverPendingEvents(t.deps);
    const db = t.deps.database.db;
    const sam = await db
      .selectFrom('patients')
      .select(['id', 'clinic_id'])
      .where('given_name', '=', 'Sam')
      .executeTakeFirstOrThrow();
    const context = await medicationContextFor(db, sam.clinic_id, sam.id, t.clock.now());
    expect(context.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(context.otherMedicines).toMatchObject([
      { matchedId: 'sumatriptan', classes: ['triptan', 'serotonergic'] },
    ]);
    expect(context.pendingOtherMedicines).toMatchObject([{ matchedId: 'st_johns_wort' }]);
    expect(context.weightKg).toBe(78.4);
    const alerts = await db
      .selectFrom('alerts')
      .select(['severity', 'state'])
      .where('type', '=', 'medication_safety_entry')
      .execute();
    expect(alerts).toEqual([{ severity: 'routine', state: 'open' }]);
  });
});
