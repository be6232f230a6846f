import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';
import { instrumentById } from '../../shared/measures/instruments.js';
import { interpret } from '../../shared/measures/interpretation.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic questionnaires', () => {
  it('has a patient in remission, one responding with a recent item-9 answer, one not improving at week 11', async () => {
    const rows = await t.deps.database.db
      .selectFrom('questionnaire_responses as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select(['p.given_name', 'r.total', 'r.item9', 'r.answered_at'])
      .where('r.instrument', '=', 'phq9')
      .orderBy('r.answered_at')
      .execute();
    const phq9 = instrumentById('phq9');
    const state = (name: string) => {
      const mine = rows.filter((r) => r.given_name === name);
      const first = mine[0];
      const last = mine[mine.length - 1];
      return {
        weeks: ((last?.answered_at ?? 0) - (first?.answered_at ?? 0)) / (7 * 86_400_000),
        last,
        i: interpret(phq9, last?.total ?? null, first?.total ?? null),
      };
    };
    expect(state('Maya').i).toMatchObject({ remission: true, response: true });
    const sam = state('Sam');
    expect(sam.i).toMatchObject({ response: true, remission: false });
    expect(sam.last?.item9).toBe(1);
    const tom = state('Tom');
    expect(tom.i.changePercent).toBe(-30);
    expect(tom.i.response).toBe(false);
    expect(Math.round(tom.weeks)).toBe(10);
    await deliverPendingEvents(t.deps);
    const urgent = await t.deps.database.db
      .selectFrom('alerts')
      .select('severity')
      .where('type', '=', 'self_harm_answer')
      .execute();
    expect(urgent).toEqual([{ severity: 'urgent' }]);
  });
});
