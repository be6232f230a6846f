import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { scheduledChecks } from '../../scheduled-checks.js';
import { TEST_NOW } from '../../testing/test-app.js';
import { adherenceFixture, DAY, type AdherenceFixture } from './adherence.test-kit.js';
import { checkAdherence, scheduledAdherenceCheck } from './adherence.check.js';

// TEST_NOW is Monday 2 November 2026, 15:00 UTC; fixture patients live in UTC, doses at 08:00.
let f: AdherenceFixture;
beforeAll(async () => {
  f = await adherenceFixture();
});
afterAll(() => f.t.close());

const sorted = (...ids: string[]) => [...ids].sort();
async function runAt(ms: number) {
  f.t.clock.set(ms);
  await checkAdherence(f.t.deps);
  await deliverPendingEvents(f.t.deps);
}

/** A patient on one daily medication for `days` days before today, missing the doses `missed` picks. */
async function onMedication(
  name: string,
  days: number,
  missed: (daysAgo: number) => 'skip' | 'none' | false,
) {
  f.t.clock.set(TEST_NOW);
  const p = await f.patient(name);
  const m = await f.medication(p, { name: 'Bupropion', startDate: f.daysAgo(days) });
  await f.logDoses(p, m, f.daysAgo(days), f.daysAgo(1), (day) =>
    missed(Math.round((Date.parse(`${f.today()}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY)),
  );
  return p;
}
/** Missed on these days-ago, one a day (no streak of 3). */
const onDays =
  (...ago: number[]) =>
  (n: number) =>
    ago.includes(n) ? ('skip' as const) : false;

describe('adherence alerts (scheduled check)', () => {
  it('is a registered scheduled check', () => expect(scheduledChecks).toContain(scheduledAdherenceCheck));

  it('below 80% over 14 days → high to prescriber and therapist, once', async () => {
    // Today's 08:00 dose is not logged yet: 13 counted doses in the window, 3 missed on separate days → 10/13.
    const p = await onMedication('Low', 20, onDays(2, 6, 10));
    await runAt(TEST_NOW);
    await runAt(TEST_NOW + 3_600_000);
    expect(await f.alertsOf(p, 'adherence_low')).toEqual([
      {
        severity: 'high',
        title: 'Adherence 76% over 14 days',
        to: sorted(f.users.prescriber.id, f.users.therapist.id),
      },
    ]);
    expect(await f.alertsOf(p, 'adherence_missed_streak')).toEqual([]);
  });

  it('exactly 80% raises nothing', async () => {
    // Started 10 days ago: 10 counted doses in the window, 2 missed → 8/10 = 80%.
    const p = await onMedication('Eighty', 10, onDays(3, 7));
    await runAt(TEST_NOW);
    expect(await f.alertsOf(p, 'adherence_low')).toEqual([]);
  });

  it('too few doses to judge: a 4-day-old medication with 2 misses raises no low-adherence alert', async () => {
    const p = await onMedication('New', 4, onDays(1, 3));
    await runAt(TEST_NOW);
    expect(await f.alertsOf(p, 'adherence_low')).toEqual([]);
  });

  it('three doses of one medication missed in a row → routine to the prescriber only, once per streak', async () => {
    const p = await onMedication('Streak', 20, (n) => (n <= 3 ? 'none' : false));
    await runAt(TEST_NOW);
    // The streak grows to 4 the next day: still the same streak, no second alert.
    await runAt(TEST_NOW + DAY);
    expect(await f.alertsOf(p, 'adherence_missed_streak')).toEqual([
      { severity: 'routine', title: 'Bupropion: 3 doses missed in a row', to: [f.users.prescriber.id] },
    ]);
  });

  it("two in a row is not a streak; today's open dose is not missed before its day ends", async () => {
    // Missed yesterday and the day before; today's 08:00 not logged yet at 15:00 → still 2 counted misses.
    const p = await onMedication('Two', 20, (n) => (n <= 2 ? 'skip' : false));
    await runAt(TEST_NOW);
    expect(await f.alertsOf(p, 'adherence_missed_streak')).toEqual([]);
  });

  it('a clinic threshold of 2 in a row is honoured', async () => {
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ missedDosesInARow: 2 }) })
      .where('id', '=', f.clinic)
      .execute();
    try {
      const p = await onMedication('Setting', 20, (n) => (n <= 2 ? 'skip' : false));
      await runAt(TEST_NOW);
      expect(await f.alertsOf(p, 'adherence_missed_streak')).toHaveLength(1);
    } finally {
      await f.t.deps.database.db
        .updateTable('clinics')
        .set({ settings: '{}' })
        .where('id', '=', f.clinic)
        .execute();
    }
  });

  it('Clozaril not taken for 2 days raises no gap alert; on the 3rd day one high alert to the prescriber, once', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Gap');
    const m = await f.medication(p, { name: 'Clozaril', startDate: f.daysAgo(20) });
    // Taken up to 3 days ago; yesterday and the day before not logged (today's 08:00 still open at 15:00).
    await f.logDoses(p, m, f.daysAgo(20), f.daysAgo(1), (day) => (day >= f.daysAgo(2) ? 'none' : false));
    await runAt(TEST_NOW);
    expect(await f.alertsOf(p, 'adherence_critical_gap')).toEqual([]);
    // The next day: 3 days without a dose.
    await runAt(TEST_NOW + DAY);
    await runAt(TEST_NOW + DAY + 3_600_000);
    expect(await f.alertsOf(p, 'adherence_critical_gap')).toEqual([
      { severity: 'high', title: 'Clozaril: not taken for 3 days', to: [f.users.prescriber.id] },
    ]);
    // A day later the same run has grown to 4 days: still the one alert.
    await runAt(TEST_NOW + 2 * DAY);
    expect(await f.alertsOf(p, 'adherence_critical_gap')).toHaveLength(1);
  });

  it('one of two medicines below 80% alerts by name; a single medicine only raises the pooled alert', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('TwoMeds');
    const a = await f.medication(p, { name: 'Sertraline', startDate: f.daysAgo(20) });
    const b = await f.medication(p, { name: 'Quetiapine', startDate: f.daysAgo(20) });
    await f.logDoses(p, a, f.daysAgo(20), f.daysAgo(1));
    // Quetiapine: every other day skipped → about 50% over 14 days; pooled about 75%.
    await f.logDoses(p, b, f.daysAgo(20), f.daysAgo(1), (day) =>
      Number(day.slice(8)) % 2 === 0 ? 'skip' : false,
    );
    await runAt(TEST_NOW);
    const low = await f.alertsOf(p, 'adherence_medication_low');
    expect(low.map((x) => x.title)).toEqual([
      expect.stringMatching(/^Quetiapine: \d+% of doses taken over 14 days$/),
    ]);
    expect(low[0]?.to).toEqual(sorted(f.users.prescriber.id, f.users.therapist.id));

    const single = await onMedication('Single', 20, onDays(2, 6, 10));
    await runAt(TEST_NOW);
    expect(await f.alertsOf(single, 'adherence_low')).toHaveLength(1);
    expect(await f.alertsOf(single, 'adherence_medication_low')).toEqual([]);
  });
});
