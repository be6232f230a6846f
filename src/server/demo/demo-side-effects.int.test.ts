import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic side-effect reports', () => {
  it('Sam has an answered report and an open routine one; Maya an urgent "wants to stop"', async () => {
    await deliverPendingEvents(t.deps);
    const db = t.deps.database.db;
    const reports = await db
      .selectFrom('side_effect_reports as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select(['p.given_name', 'r.id', 'r.state', 'r.severity', 'r.wants_to_stop', 'r.urgent'])
      .orderBy('r.reported_at')
      .execute();
    const of = (name: string) => reports.filter((r) => r.given_name === name);
    expect(of('Sam').map((r) => r.state)).toEqual(['answered', 'open']);
    expect(of('Maya')).toMatchObject([{ state: 'open', wants_to_stop: 1, urgent: 1 }]);
    const alerts = await db
      .selectFrom('alerts')
      .select(['subject_id', 'severity'])
      .where('type', '=', 'side_effect_report')
      .execute();
    const severityOf = (id: string | undefined) => alerts.find((a) => a.subject_id === id)?.severity;
    expect(severityOf(of('Sam')[1]?.id)).toBe('routine');
    expect(severityOf(of('Maya')[0]?.id)).toBe('urgent');
    // The answered history report raised no alert of its own.
    expect(severityOf(of('Sam')[0]?.id)).toBeUndefined();
    const answers = await db.selectFrom('side_effect_answers').select('kind').execute();
    expect(answers.map((a) => a.kind)).toEqual(['advice']);
  });
});
