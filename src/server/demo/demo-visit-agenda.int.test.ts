import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import type { Actor } from '../platform/auth/actor.js';
import { visitSummary } from '../features/visit-agenda/visit-summary.service.js';
import { nextAppointmentOf } from '../features/visit-agenda/visit-agenda.repository.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic: Sam’s next medication review', () => {
  it('has his items for the prescriber and for both, and the bupropion, in the summary', async () => {
    const db = t.deps.database.db;
    const sam = await db
      .selectFrom('patients')
      .select(['id', 'clinic_id'])
      .where('given_name', '=', 'Sam')
      .executeTakeFirstOrThrow();
    const prescriber = await db
      .selectFrom('users')
      .select(['id'])
      .where('email', '=', 'prescriber@demo.duet.test')
      .executeTakeFirstOrThrow();
    const review = await nextAppointmentOf(db, sam.clinic_id, sam.id, 'medication_review', t.clock.now());
    expect(review).toBeDefined();
    const actor: Actor = {
      userId: prescriber.id,
      role: 'prescriber',
      clinicId: sam.clinic_id,
      patientId: null,
      sessionIdHash: '',
      csrfToken: '',
    };
    const summary = await visitSummary(t.deps, actor, sam.id, review?.id ?? '');
    expect(summary.agenda.map((i) => i.addressedTo).sort()).toEqual(['both', 'prescriber']);
    expect(summary.agenda.some((i) => i.text.includes('bupropion'))).toBe(true);
    expect(summary.medications.map((m) => m.name)).toContain('Bupropion');
    expect(summary.since.basis).toBe('last_visit');
  });
});
