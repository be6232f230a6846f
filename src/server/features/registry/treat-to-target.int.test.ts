import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledChecks } from '../../background.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { scheduledChecks } from '../../scheduled-checks.js';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { checkTreatToTarget } from './treat-to-target.check.js';
import { registryFixture, uuid, WEEK, type RegistryFixture } from './registry.test-kit.js';

let f: RegistryFixture;
beforeAll(async () => {
  f = await registryFixture();
});
afterAll(() => f.t.close());

const sorted = (...ids: string[]) => [...ids].sort();
async function runAt(ms: number) {
  f.t.clock.set(ms);
  await runScheduledChecks(f.t.deps);
  await deliverPendingEvents(f.t.deps);
}

describe('treat-to-target scheduled checks', () => {
  it('is a registered scheduled check', () => expect(scheduledChecks).toContain(checkTreatToTarget));

  it('week 11 with a 30% fall: "review treatment" (high) to prescriber and therapist, once; not at week 9', async () => {
    const start = TEST_NOW - 20 * WEEK;
    const p = await f.patient('Thirty');
    await f.score(p, 'phq9', 20, start);
    await f.score(p, 'phq9', 14, start + 8 * WEEK);
    await runAt(start + 9 * WEEK + 6 * 86_400_000);
    expect(await f.alertsOf(p, 'treatment_not_improving')).toEqual([]);
    await runAt(start + 11 * WEEK);
    await runAt(start + 11 * WEEK + 3_600_000);
    expect(await f.alertsOf(p, 'treatment_not_improving')).toEqual([
      {
        severity: 'high',
        title: 'Not improving: review treatment',
        to: sorted(f.users.therapist.id, f.users.prescriber.id),
      },
    ]);
  });

  it('week 11 with exactly a 50% fall is a response, not flagged', async () => {
    const start = TEST_NOW - 20 * WEEK;
    const p = await f.patient('Fifty');
    await f.score(p, 'phq9', 20, start);
    await f.score(p, 'phq9', 10, start + 10 * WEEK);
    await runAt(start + 11 * WEEK);
    expect(await f.alertsOf(p, 'treatment_not_improving')).toEqual([]);
  });

  it('an overdue questionnaire goes to the care manager, or the therapist when there is none, once per due date', async () => {
    const start = TEST_NOW - 10 * WEEK;
    const withCm = await f.patient('Overdue-cm');
    const noCm = await f.patient('Overdue-nocm', { careManager: false });
    for (const p of [withCm, noCm]) {
      await f.score(p, 'phq9', 12, start);
      await f.score(p, 'gad7', 9, start);
    }
    // Due 2 weeks after the baseline: exactly 7 days late at week 3 is not yet overdue; a day later it is.
    await runAt(start + 3 * WEEK);
    expect(await f.alertsOf(withCm, 'measure_overdue')).toEqual([]);
    await runAt(start + 3 * WEEK + 86_400_000);
    await runAt(start + 3 * WEEK + 2 * 86_400_000);
    const cm = await f.alertsOf(withCm, 'measure_overdue');
    expect(cm.map((a) => a.title).sort()).toEqual(['GAD-7 overdue', 'PHQ-9 overdue']);
    expect(cm.every((a) => a.severity === 'routine' && a.to.join() === f.users.careManager.id)).toBe(true);
    const th = await f.alertsOf(noCm, 'measure_overdue');
    expect(th).toHaveLength(2);
    expect(th.every((a) => a.to.join() === f.users.therapist.id)).toBe(true);
  });

  it("follows the patient's agreed measurement plan: PHQ-9 every 4 weeks, no GAD-7", async () => {
    const start = TEST_NOW - 10 * WEEK;
    const p = await f.patient('Overdue-plan');
    await f.agreedPlanAskingPhq9Every(p, 4, start);
    await f.score(p, 'phq9', 12, start);
    await f.score(p, 'gad7', 9, start);
    // The default schedule would call it overdue at week 3 + 1 day; the plan's is due at week 4.
    await runAt(start + 3 * WEEK + 86_400_000);
    expect(await f.alertsOf(p, 'measure_overdue')).toEqual([]);
    await runAt(start + 5 * WEEK + 86_400_000);
    expect((await f.alertsOf(p, 'measure_overdue')).map((a) => a.title)).toEqual(['PHQ-9 overdue']);
  });

  it('reliable deterioration on PHQ-9 (answered through the measures API) → high alert to prescriber and therapist', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Worse');
    const me = await f.signInPatient(p);
    const phq9 = (items: number[]) => ({ id: uuid(), instrument: 'phq9', answers: { items } });
    const url = `/api/patients/${p}/measures`;
    expect((await call(f.t.app, me, 'POST', url, phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]))).statusCode).toBe(201);
    f.t.clock.set(TEST_NOW + 2 * WEEK);
    const later = await f.signInPatient(p);
    expect((await call(f.t.app, later, 'POST', url, phq9([2, 2, 2, 2, 2, 2, 2, 1, 0]))).statusCode).toBe(201);
    await deliverPendingEvents(f.t.deps);
    expect(await f.alertsOf(p, 'measure_worsening')).toEqual([
      {
        severity: 'high',
        title: 'Worsening: PHQ-9 15',
        to: sorted(f.users.therapist.id, f.users.prescriber.id),
      },
    ]);
    expect(await f.alertsOf(p, 'good_news')).toEqual([]);
  });

  it('response reached → routine good news to the whole team', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Better');
    const me = await f.signInPatient(p);
    const phq9 = (items: number[]) => ({ id: uuid(), instrument: 'phq9', answers: { items } });
    const url = `/api/patients/${p}/measures`;
    await call(f.t.app, me, 'POST', url, phq9([2, 2, 2, 2, 2, 2, 2, 2, 0]));
    f.t.clock.set(TEST_NOW + 6 * WEEK);
    const later = await f.signInPatient(p);
    expect((await call(f.t.app, later, 'POST', url, phq9([1, 1, 1, 1, 1, 1, 1, 0, 0]))).statusCode).toBe(201);
    await deliverPendingEvents(f.t.deps);
    const news = await f.alertsOf(p, 'good_news');
    expect(news).toHaveLength(1);
    expect(news[0]).toMatchObject({ severity: 'routine', title: 'Good news: PHQ-9 response' });
    expect(news[0]?.to).toEqual(sorted(f.users.therapist.id, f.users.prescriber.id, f.users.careManager.id));

    // Staying at response is quiet; reaching remission afterwards is news again.
    f.t.clock.set(TEST_NOW + 8 * WEEK);
    const again = await f.signInPatient(p);
    await call(f.t.app, again, 'POST', url, phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]));
    await deliverPendingEvents(f.t.deps);
    expect(await f.alertsOf(p, 'good_news')).toHaveLength(1);
    f.t.clock.set(TEST_NOW + 10 * WEEK);
    const last = await f.signInPatient(p);
    await call(f.t.app, last, 'POST', url, phq9([1, 1, 1, 0, 0, 0, 0, 0, 0]));
    await deliverPendingEvents(f.t.deps);
    const titles = (await f.alertsOf(p, 'good_news')).map((a) => a.title);
    expect(titles).toEqual(['Good news: PHQ-9 response', 'Good news: PHQ-9 remission']);
  });
});

describe('treat-to-target in slices (issue 19)', () => {
  it('reads the clinic page by page with a turn for the event loop before each page, and emits each event once', async () => {
    const start = TEST_NOW - 10 * WEEK;
    const late = [await f.patient('Sliced-a'), await f.patient('Sliced-b'), await f.patient('Sliced-c')];
    for (const p of late) await f.score(p, 'phq9', 12, start);
    f.t.clock.set(start + 4 * WEEK);
    const db = f.t.deps.database.db;
    const patientCount = (await db.selectFrom('patients').select('id').execute()).length;
    const overdueEvents = async () =>
      (
        await db
          .selectFrom('outbox_events')
          .select('dedupe_key')
          .where('type', '=', 'measure.overdue')
          .where('patient_id', 'in', late)
          .execute()
      ).length;
    // Each turn notes how many of the three patients' events are already in the outbox.
    const atTurn: number[] = [];
    const giveTurn = async () => {
      atTurn.push(await overdueEvents());
    };
    await checkTreatToTarget(f.t.deps, { pageSize: 1, giveTurn });
    expect(atTurn.length).toBeGreaterThan(patientCount);
    // Nothing is emitted while the pages are read; afterwards the three patients' overdue questionnaires are.
    expect(atTurn.slice(0, patientCount).every((n) => n === 0)).toBe(true);
    const emitted = await overdueEvents();
    expect(emitted).toBeGreaterThanOrEqual(3);
    // A second run in pages of 250 finds the same events and emits none again.
    await checkTreatToTarget(f.t.deps, { pageSize: 250, giveTurn });
    expect(await overdueEvents()).toBe(emitted);
  });
});
