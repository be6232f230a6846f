import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { defaultsFor } from '../../shared/crisis/select.js';
import { planContentSchema } from '../../shared/treatment-plans/schemas.js';
import { crisisResourcesIn } from '../features/crisis/crisis.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic crisis resources', () => {
  it("Tom lives in Berlin: German numbers on the safety path and in his safety plan; Sam has the clinic's", async () => {
    const db = t.deps.database.db;
    const patients = await db
      .selectFrom('patients')
      .select(['id', 'clinic_id', 'given_name', 'country'])
      .execute();
    const tom = patients.find((p) => p.given_name === 'Tom');
    const sam = patients.find((p) => p.given_name === 'Sam');
    if (!tom || !sam) throw new Error('demo patients missing');
    expect([tom.country, sam.country]).toEqual(['DE', null]);

    const tomSet = await crisisResourcesIn(db, tom.clinic_id, tom.id, 'self_harm');
    expect(tomSet).toMatchObject({ country: 'DE', from: 'defaults' });
    expect(tomSet.resources[0]?.name).toBe('TelefonSeelsorge');
    expect((await crisisResourcesIn(db, sam.clinic_id, sam.id, 'self_harm')).country).toBe('US');

    // Tom's plan started with his own country's crisis lines (crisis line first, then 112).
    const versions = await db
      .selectFrom('treatment_plan_versions as v')
      .innerJoin('treatment_plans as p', 'p.id', 'v.plan_id')
      .select('v.content')
      .where('p.patient_id', '=', tom.id)
      .execute();
    const [emergency, line] = defaultsFor('DE');
    for (const v of versions) {
      const lines = planContentSchema.parse(JSON.parse(v.content)).safetyPlan.professionalsAndCrisisLines;
      expect(lines.map((l) => l.phone)).toEqual([line?.phone, emergency?.phone]);
    }
    expect(versions.length).toBeGreaterThan(0);
  });
});
