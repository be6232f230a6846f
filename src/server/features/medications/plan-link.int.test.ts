import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTestContext, type TestContext } from '../../testing/test-app.js';
import {
  body,
  buildPlanWorld,
  ifMatch,
  sign,
  startFromTemplate,
  type PlanWorld,
} from '../treatment-plans/plan.test-kit.js';
import type { CatalogueEntry, MedicationDetail } from '../../../shared/medications/schemas.js';

let t: TestContext;
let w: PlanWorld;
beforeAll(async () => {
  t = await createTestContext();
  w = await buildPlanWorld(t);
});
afterAll(() => t.close());

describe('the plan links medication records', () => {
  it('the agreed plan shows the patient the real regimen of the linked records, steps included', async () => {
    const entries = (await call(t.app, w.ps, 'GET', '/api/medication-catalogue?q=sertraline')).json<{
      entries: CatalogueEntry[];
    }>().entries;
    // TEST_NOW is 2 Nov 2026; the patient's zone is America/Chicago.
    const started = await call(t.app, w.ps, 'POST', `/api/patients/${w.patient.overview.id}/medications`, {
      id: randomUUID(),
      catalogueId: entries[0]?.id ?? null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      startDate: '2026-11-02',
      endDate: null,
      doseAmount: 50,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['08:00'], weekdays: null },
      reason: 'Depression',
      steps: [{ from: '2026-11-16', doseAmount: 100, doseUnit: 'mg' }],
    });
    expect(started.statusCode).toBe(201);
    const medId = started.json<MedicationDetail>().medication.id;

    const v1 = await startFromTemplate(t, w);
    const medication = { strategy: 'Sertraline, aim for 100 mg', medicationIds: [medId, 'not-a-record'] };
    const patched = await call(t.app, w.ps, 'PATCH', `${w.planUrl}/draft`, { medication }, ifMatch(v1));
    expect(patched.statusCode).toBe(200);
    const v = body(patched);
    await sign(t, w, w.ts, v);
    expect((await sign(t, w, w.ps, v)).statusCode).toBe(200);

    const view = await call(t.app, w.pt, 'GET', `${w.planUrl}/patient-view`);
    expect(view.statusCode).toBe(200);
    const section = view
      .json<{ view: { sections: { key: string; whatWeAgreed: string[] }[] } }>()
      .view.sections.find((s) => s.key === 'medication');
    expect(section?.whatWeAgreed).toEqual([
      'Sertraline, aim for 100 mg',
      'Sertraline: 50 mg, 08:00 every day; then 100 mg from 2026-11-16',
    ]);
  });
});
