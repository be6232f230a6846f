import { addDays, localDate } from '../../../shared/time/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { Alert } from '../../../shared/alerts/alert.js';
import type { LogResult } from '../../../shared/doses/schemas.js';
import type { AdherenceSummaryDto } from '../../../shared/adherence/schemas.js';
import { expandScheduledDoses, type DoseSchedule } from '../../../shared/medications/schedule.js';
import { addMedication, daily } from '../doses/doses.test-kit.js';
import { checkAdherence } from './adherence.check.js';

// TEST_NOW is 2026-11-02 15:00 UTC, 09:00 in Chicago (the patient's zone). Issue 11: lithium 0% for 35 days
// beside two medicines fully taken reads 83% overall, and must still reach the prescriber by name.
let f: MessagingFixture;
let patientId: string;
const ZONE = 'America/Chicago';
const today = localDate(TEST_NOW, ZONE);
const start = addDays(today, -35);

async function medication(name: string, schedule: DoseSchedule) {
  return addMedication(f.t.deps.database.db, {
    clinicId: f.prescriber.clinicId,
    patientId,
    prescriberId: f.prescriber.id,
    name,
    periods: [{ from: start, doseAmount: 1, schedule }],
    now: TEST_NOW,
  });
}

/** Logs every scheduled dose through the patient's real route, taken 10 minutes after it was due. */
async function logAllTaken(medicationId: string, name: string, schedule: DoseSchedule) {
  const regimen = {
    medicationId,
    displayName: name,
    startDate: start,
    endDate: null,
    periods: [{ from: start, doseAmount: 1, doseUnit: 'mg', schedule, paused: false }],
  };
  for (const d of expandScheduledDoses(regimen, start, addDays(today, -1), ZONE)) {
    const res = await call(f.t.app, f.as.patient, 'POST', `/api/patients/${patientId}/doses`, {
      id: uuid(),
      medicationId,
      doseKey: d.doseKey,
      status: 'taken',
      takenAt: d.dueAt + 600_000,
    });
    expect(res.statusCode).toBe(201);
  }
}

async function alertsOfType(type: string): Promise<Alert[]> {
  const res = await call(f.t.app, f.as.prescriber, 'GET', `/api/patients/${patientId}/alerts`);
  expect(res.statusCode).toBe(200);
  return res.json<{ alerts: Alert[] }>().alerts.filter((a) => a.type === type);
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  f.t.clock.set(TEST_NOW);
});
afterAll(() => f.t.close());

describe('adherence per medication (issue 11)', () => {
  it('lithium never taken beside two medicines fully taken: the prescriber hears of lithium by name', async () => {
    const twice = daily('08:00', '20:00');
    const thrice = daily('08:00', '14:00', '20:00');
    const sertraline = await medication('Sertraline', twice);
    const bupropion = await medication('Bupropion', thrice);
    await medication('Lithium carbonate ER', daily('08:00'));
    await logAllTaken(sertraline, 'Sertraline', twice);
    await logAllTaken(bupropion, 'Bupropion', thrice);

    const summary = await call(f.t.app, f.as.prescriber, 'GET', `/api/patients/${patientId}/adherence`);
    expect(summary.statusCode).toBe(200);
    const body = summary.json<AdherenceSummaryDto>();
    expect(body.alertWindow.percent).toBe(83); // 5 of 6 doses a day: the pooled figure looks fine
    // …while each medication has its own figure over the same window.
    expect(body.medications.map((m) => [m.name, m.alertWindow.days, m.alertWindow.percent])).toEqual([
      ['Sertraline', 14, 100],
      ['Bupropion', 14, 100],
      ['Lithium carbonate ER', 14, 0],
    ]);

    await checkAdherence(f.t.deps);
    await checkAdherence(f.t.deps); // a rerun raises nothing new
    await deliverPendingEvents(f.t.deps);

    expect(await alertsOfType('adherence_low')).toEqual([]);
    const low = await alertsOfType('adherence_medication_low');
    expect(low.map((a) => [a.severity, a.title])).toEqual([
      ['high', 'Lithium carbonate ER: 0% of doses taken over 14 days'],
    ]);
    expect(low[0]?.routedTo.map((r) => r.role).sort()).toEqual(['prescriber', 'therapist']);
    const gap = await alertsOfType('adherence_critical_gap');
    expect(gap.map((a) => [a.severity, a.title])).toEqual([
      ['high', 'Lithium carbonate ER: not taken for 35 days'],
    ]);
    expect(gap[0]?.routedTo.map((r) => r.userId)).toEqual([f.prescriber.id]);
  });

  it('as-needed doses above the daily maximum reach the prescriber once per medication per day', async () => {
    const lorazepam = await medication('Lorazepam', { kind: 'as_needed', maxPerDay: 2 });
    const url = `/api/patients/${patientId}/doses`;
    const results: LogResult[] = [];
    for (const minutesAgo of [180, 120, 60, 30]) {
      const res = await call(f.t.app, f.as.patient, 'POST', url, {
        id: uuid(),
        medicationId: lorazepam,
        doseKey: null,
        status: 'taken',
        takenAt: TEST_NOW - minutesAgo * 60_000,
      });
      expect(res.statusCode).toBe(201);
      results.push(res.json<LogResult>());
    }
    expect(results.map((r) => r.aboveMaxPerDay)).toEqual([false, false, true, true]);
    expect(results[2]?.warning).toMatch(/prescriber will be told/);
    await deliverPendingEvents(f.t.deps);
    const alerts = await alertsOfType('as_needed_above_max');
    expect(alerts.map((a) => [a.severity, a.title])).toEqual([
      ['high', `Lorazepam: 3 as-needed doses on ${today} (max 2)`],
    ]);
    expect(alerts[0]?.routedTo.map((r) => r.userId)).toEqual([f.prescriber.id]);
    // The patient's own view of the log is unchanged by the alert: the 4 doses are all recorded.
    const t = await call(f.t.app, f.as.patient, 'GET', `${url}/today`);
    expect(t.json<{ asNeeded: { countToday: number }[] }>().asNeeded[0]?.countToday).toBe(4);
  });
});
