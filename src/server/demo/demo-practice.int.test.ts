import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { practiceTypesForPatient } from '../features/practice/practice.repository.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic practice', () => {
  it('has thought records (one therapist-only), team diary cards, an activity log and an IPT log', async () => {
    const rows = await t.deps.database.db
      .selectFrom('practice_entries as e')
      .innerJoin('patients as p', 'p.id', 'e.patient_id')
      .select(['p.given_name', 'p.clinic_id', 'p.id as patient_id', 'e.type', 'e.sharing', 'e.status'])
      .execute();
    const of = (name: string, type: string) => rows.filter((r) => r.given_name === name && r.type === type);
    expect(of('Sam', 'thought_record').filter((r) => r.sharing === 'therapist')).toHaveLength(1);
    expect(of('Sam', 'thought_record').length).toBeGreaterThan(2);
    expect(of('Sam', 'diary_card').every((r) => r.sharing === 'team')).toBe(true);
    expect(of('Sam', 'diary_card').length).toBeGreaterThan(5);
    expect(of('Maya', 'behavioural_activation').length).toBeGreaterThan(2);
    expect(of('Tom', 'ipt_log')).toHaveLength(1);
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    const sam = rows.find((r) => r.given_name === 'Sam');
    expect(
      await practiceTypesForPatient(t.deps.database.db, sam?.clinic_id ?? '', sam?.patient_id ?? ''),
    ).toEqual(['thought_record', 'diary_card']);
  });
});
