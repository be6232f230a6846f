import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';
import { checkAdherence, adherenceForPatients } from '../features/adherence/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic medications', () => {
  it('has medication histories, dose logs with gaps, side-effect reports and adherence alerts', async () => {
    const db = t.deps.database.db;
    const meds = await db
      .selectFrom('medications as m')
      .innerJoin('patients as p', 'p.id', 'm.patient_id')
      .select(['p.given_name', 'm.name', 'm.status'])
      .orderBy('p.given_name')
      .orderBy('m.name')
      .execute();
    expect(meds.map((m) => `${m.given_name}: ${m.name} (${m.status})`)).toEqual([
      'Maya: Hydroxyzine (active)',
      'Maya: Sertraline (active)',
      'Sam: Bupropion (active)',
      'Sam: Trazodone (stopped)',
      'Tom: Lamotrigine (active)',
      'Tom: Quetiapine (stopped)',
    ]);
    // Titration and changes are in the history with their reasons.
    const changes = await db.selectFrom('medication_changes').select(['kind']).execute();
    const kinds = changes.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'started')).toHaveLength(6);
    expect(kinds).toContain('dose_changed');
    expect(changes.filter((c) => c.kind === 'stopped')).toHaveLength(2);
    // Titration steps planned at the start are periods of the regimen: 50 → 100 mg (Maya), 4 steps (Tom).
    const periods = await db
      .selectFrom('medication_periods as p')
      .innerJoin('medications as m', 'm.id', 'p.medication_id')
      .select(['m.name', 'p.dose_amount'])
      .where('m.name', 'in', ['Sertraline', 'Lamotrigine'])
      .orderBy('p.starts_on')
      .execute();
    expect(periods.filter((p) => p.name === 'Sertraline').map((p) => p.dose_amount)).toEqual([50, 100]);
    expect(periods.filter((p) => p.name === 'Lamotrigine').map((p) => p.dose_amount)).toEqual([
      25, 50, 100, 200,
    ]);

    const patients = await db.selectFrom('patients').select(['id', 'given_name']).execute();
    const id = (name: string) => patients.find((p) => p.given_name === name)?.id ?? '';
    const logs = await db
      .selectFrom('dose_logs')
      .select(['patient_id', 'status', 'skip_reason', 'as_needed'])
      .execute();
    const of = (name: string) => logs.filter((l) => l.patient_id === id(name));
    expect(of('Sam').length).toBeGreaterThan(80);
    expect(of('Sam').filter((l) => l.skip_reason === 'ran_out')).toHaveLength(3);
    expect(of('Maya').some((l) => l.as_needed === 1)).toBe(true);

    const now = t.clock.now();
    const clinic = await db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
    const rates = await adherenceForPatients(
      db,
      clinic.id,
      patients.map((p) => p.id),
      now,
    );
    const percent = (name: string) => rates.get(id(name))?.percent ?? null;
    expect(percent('Tom')).not.toBeNull();
    expect(percent('Tom') ?? 100).toBeLessThan(80);
    expect(percent('Maya') ?? 0).toBeGreaterThanOrEqual(80);

    // Side-effect reports: Tom's open headache report here; Sam's and Maya's from the side-effects demo.
    const reports = await db.selectFrom('side_effect_reports').select(['patient_id', 'severity']).execute();
    expect(reports.some((r) => r.patient_id === id('Tom') && r.severity === 'moderate')).toBe(true);

    // The adherence check finds Tom's slipping evenings: below 80% and three lamotrigine doses in a row.
    await checkAdherence(t.deps);
    await deliverPendingEvents(t.deps);
    const alerts = await db
      .selectFrom('alerts')
      .select(['type', 'patient_id'])
      .where('type', 'in', ['adherence_low', 'adherence_missed_streak'])
      .execute();
    expect(
      alerts
        .filter((a) => a.patient_id === id('Tom'))
        .map((a) => a.type)
        .sort(),
    ).toEqual(['adherence_low', 'adherence_missed_streak']);
    expect(alerts.some((a) => a.patient_id === id('Maya'))).toBe(false);
  });
});
