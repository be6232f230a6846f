import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledChecks } from '../../background.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, WEEK, type RegistryFixture } from './registry.test-kit.js';

// Issue 12: treat-to-target follows the plan's target questionnaire (PHQ-9, GAD-7 or both; the worst counts).

let f: RegistryFixture;
beforeAll(async () => {
  f = await registryFixture();
});
afterAll(() => f.t.close());

async function setPlanTarget(patientId: string, target: 'PHQ-9' | 'GAD-7' | 'both', at: number) {
  await f.agreedPlanAskingPhq9Every(patientId, 2, at);
  const db = f.t.deps.database.db;
  const row = await db
    .selectFrom('treatment_plan_versions')
    .select(['id', 'content'])
    .where('patient_id', '=', patientId)
    .executeTakeFirstOrThrow();
  const content = JSON.parse(row.content) as { measurement: Record<string, unknown> };
  content.measurement.target = target;
  await db
    .updateTable('treatment_plan_versions')
    .set({ content: JSON.stringify(content) })
    .where('id', '=', row.id)
    .execute();
}

describe('GAD-7 16 → 15 at week 12 with PHQ-9 3 → 3', () => {
  it('no plan target (both where both are measured): flagged and ranked "not improving", alert names GAD-7', async () => {
    const start = TEST_NOW - 12 * WEEK;
    const anxious = await f.patient('Anxious');
    await f.score(anxious, 'phq9', 3, start);
    await f.score(anxious, 'gad7', 16, start);
    await f.score(anxious, 'phq9', 3, TEST_NOW - 86_400_000);
    await f.score(anxious, 'gad7', 15, TEST_NOW - 86_400_000);
    const well = await f.patient('Well');
    await f.score(well, 'phq9', 18, start);
    await f.score(well, 'phq9', 3, TEST_NOW - 86_400_000);
    const phqOnly = await f.patient('PhqTarget');
    await setPlanTarget(phqOnly, 'PHQ-9', start);
    await f.score(phqOnly, 'phq9', 3, start);
    await f.score(phqOnly, 'gad7', 16, start);
    await f.score(phqOnly, 'phq9', 3, TEST_NOW - 86_400_000);
    await f.score(phqOnly, 'gad7', 15, TEST_NOW - 86_400_000);

    f.t.clock.set(TEST_NOW);
    await runScheduledChecks(f.t.deps);
    await deliverPendingEvents(f.t.deps);
    const [alert] = await f.alertsOf(anxious, 'treatment_not_improving');
    expect(alert?.severity).toBe('high');
    const details = await f.t.deps.database.db
      .selectFrom('alerts')
      .select('details')
      .where('patient_id', '=', anxious)
      .where('type', '=', 'treatment_not_improving')
      .executeTakeFirstOrThrow();
    expect(details.details).toContain('GAD-7 15 against 16 at baseline (fell by 6%');
    expect(await f.alertsOf(phqOnly, 'treatment_not_improving')).toEqual([]);

    const sessions = await f.sessions();
    const res = await call(f.t.app, sessions.therapist, 'GET', '/api/registry');
    const rows = res.json<RegistryResponse>().patients;
    const by = Object.fromEntries(rows.map((r) => [r.familyName, r]));
    expect(by.Anxious?.status).toBe('not_improving');
    expect(by.Anxious?.flags).toContain('not_improving');
    expect(by.Well?.status).toBe('remission');
    expect(by.PhqTarget?.status).toBe('remission');
    const order = rows.map((r) => r.familyName);
    expect(order.indexOf('Anxious')).toBeLessThan(order.indexOf('Well'));
  });
});
