import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { adherenceSummarySchema } from '../../../shared/adherence/schemas.js';
import { adherenceFixture, DAY, type AdherenceFixture } from './adherence.test-kit.js';
import { adherenceForPatients } from './adherence.service.js';

// TEST_NOW is Monday 2 November 2026, 15:00 UTC; fixture patients live in UTC.
let f: AdherenceFixture;
beforeAll(async () => {
  f = await adherenceFixture();
});
afterAll(() => f.t.close());

describe('GET /api/patients/:patientId/adherence', () => {
  it('gives the patient and the team taken/scheduled over 7, 30 and 90 days, streaks and pattern; audited', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Summary');
    // Sertraline 08:00 and 20:00 for 40 days; every Saturday evening missed, the last 2 evenings not logged.
    const sertraline = await f.medication(p, { startDate: f.daysAgo(39), times: ['08:00', '20:00'] });
    await f.logDoses(p, sertraline, f.daysAgo(39), f.today(), (day, time) => {
      if (time === '20:00' && day >= f.daysAgo(2)) return 'none';
      if (time === '20:00' && new Date(`${day}T00:00:00Z`).getUTCDay() === 6) return 'skip';
      return false;
    });
    const me = await f.signInPatient(p);
    const res = await call(f.t.app, me, 'GET', `/api/patients/${p}/adherence`);
    expect(res.statusCode).toBe(200);
    const body = adherenceSummarySchema.parse(res.json());
    expect(body.today).toBe('2026-11-02');
    // Today's 20:00 dose is still open: 39 full days x 2 + this morning = 79 counted.
    const d90 = body.overall.find((w) => w.days === 90);
    expect(d90?.scheduled).toBe(79);
    // Missed: 2 unlogged evenings (31 Oct, 1 Nov) + Saturday evenings before 31 Oct (6 of them).
    expect(d90?.taken).toBe(79 - 2 - 5);
    const d7 = body.overall.find((w) => w.days === 7);
    expect(d7).toEqual({ days: 7, scheduled: 13, taken: 11, percent: 84 });
    expect(body.medications).toHaveLength(1);
    expect(body.medications[0]?.streaks).toEqual({ current: 0, longest: 1 });
    expect(body.pattern.byWeekday.find((w) => w.weekday === 6)?.percent).toBeLessThan(60);
    expect(body.pattern.byTimeOfDay.find((t) => t.timeOfDay === 'morning')?.percent).toBe(100);
    expect(body.thresholdPercent).toBe(80);
    expect(body.alertWindow.days).toBe(14);

    const s = await f.sessions();
    expect((await call(f.t.app, s.therapist, 'GET', `/api/patients/${p}/adherence`)).statusCode).toBe(200);
    expect((await call(f.t.app, s.prescriber, 'GET', `/api/patients/${p}/adherence`)).statusCode).toBe(200);
    expect((await call(f.t.app, s.outsider, 'GET', `/api/patients/${p}/adherence`)).statusCode).toBe(404);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_role'])
      .where('patient_id', '=', p)
      .where('action', '=', 'adherence.read')
      .execute();
    expect(audit.map((a) => `${a.actor_role ?? ''}:${a.outcome}`).sort()).toEqual([
      'patient:allowed',
      'prescriber:allowed',
      'therapist:allowed',
    ]);
  });

  it("another patient's adherence answers 404", async () => {
    f.t.clock.set(TEST_NOW);
    const a = await f.patient('Own');
    const b = await f.patient('Other');
    const me = await f.signInPatient(a);
    expect((await call(f.t.app, me, 'GET', `/api/patients/${b}/adherence`)).statusCode).toBe(404);
  });

  it('a patient without medications gets empty rates, not an error', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('NoMeds');
    const res = await call(f.t.app, await f.signInPatient(p), 'GET', `/api/patients/${p}/adherence`);
    expect(res.statusCode).toBe(200);
    const body = adherenceSummarySchema.parse(res.json());
    expect(body.medications).toEqual([]);
    expect(body.overall.every((w) => w.percent === null && w.scheduled === 0)).toBe(true);
  });
});

describe('adherenceForPatients (registry join)', () => {
  it('14-day rate per patient in one call; no medications → null; unknown ids absent', async () => {
    f.t.clock.set(TEST_NOW);
    const good = await f.patient('BatchGood');
    const poor = await f.patient('BatchPoor');
    const none = await f.patient('BatchNone');
    const m1 = await f.medication(good, { startDate: f.daysAgo(30) });
    await f.logDoses(good, m1, f.daysAgo(30), f.daysAgo(1));
    const m2 = await f.medication(poor, { startDate: f.daysAgo(30) });
    await f.logDoses(poor, m2, f.daysAgo(30), f.daysAgo(1), (day) => (day >= f.daysAgo(7) ? 'none' : false));
    const out = await adherenceForPatients(
      f.t.deps.database.db,
      f.clinic,
      [good, poor, none, 'unknown-id'],
      TEST_NOW,
    );
    expect(out.get(good)).toEqual({ days: 14, taken: 13, scheduled: 13, percent: 100 });
    expect(out.get(poor)).toEqual({ days: 14, taken: 6, scheduled: 13, percent: 46 });
    expect(out.get(none)).toEqual({ days: 14, taken: 0, scheduled: 0, percent: null });
    expect(out.has('unknown-id')).toBe(false);
  });
});

describe('TEST_NOW sanity', () => {
  it('is a Monday afternoon in UTC', () => {
    expect(new Date(TEST_NOW).getUTCDay()).toBe(1);
    expect(TEST_NOW % DAY).toBe(15 * 3_600_000);
  });
});
