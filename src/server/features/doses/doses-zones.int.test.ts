import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_NOW,
  type Session,
  type TestContext,
} from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { uuid } from '../messaging/messaging.test-kit.js';
import type { DoseLog, LogResult, Today } from '../../../shared/doses/schemas.js';
import { addMedication, daily } from './doses.test-kit.js';

// Time zones: a zone far from UTC, a DST day, and a patient moving zone between days.
let t: TestContext;
let prescriber: BuiltUser;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  prescriber = await buildUser(t.deps, clinic, 'prescriber');
});
afterAll(() => t.close());

async function patientIn(timeZone: string, times: string[], from = '2026-01-01') {
  const patient = await buildPatient(t.deps, prescriber, [{ user: prescriber, role: 'prescriber' }], {
    timeZone,
  });
  const medicationId = await addMedication(t.deps.database.db, {
    clinicId: prescriber.clinicId,
    patientId: patient.overview.id,
    prescriberId: prescriber.id,
    name: 'Lithium',
    periods: [{ from, doseAmount: 400, schedule: daily(...times) }],
    now: TEST_NOW,
  });
  return { patient, medicationId, session: await signIn(t.app, patient.user.email, PASSWORD) };
}
async function todayOf(p: BuiltPatient, session: Session) {
  const res = await call(t.app, session, 'GET', `/api/patients/${p.overview.id}/doses/today`);
  expect(res.statusCode).toBe(200);
  return res.json<Today>();
}

describe('doses in the patient’s time zone', () => {
  it('Pacific/Kiritimati (UTC+14): today is already tomorrow in UTC terms', async () => {
    t.clock.set(Date.UTC(2026, 10, 2, 15, 0)); // 05:00 on 3 November in Kiritimati
    const { patient, session } = await patientIn('Pacific/Kiritimati', ['08:00', '22:00']);
    const today = await todayOf(patient, session);
    expect(today.today).toBe('2026-11-03');
    expect(today.doses.map((d) => [d.localDate, d.localTime, d.dueAt])).toEqual([
      ['2026-11-03', '08:00', Date.UTC(2026, 10, 2, 18, 0)],
      ['2026-11-03', '22:00', Date.UTC(2026, 10, 3, 8, 0)],
    ]);
  });

  it('Pacific/Pago_Pago (UTC−11): today is still yesterday in UTC terms', async () => {
    t.clock.set(Date.UTC(2026, 10, 2, 9, 0)); // 22:00 on 1 November in Pago Pago
    const { patient, session } = await patientIn('Pacific/Pago_Pago', ['21:00']);
    const today = await todayOf(patient, session);
    expect(today.today).toBe('2026-11-01');
    expect(today.doses[0]).toMatchObject({
      localTime: '21:00',
      dueAt: Date.UTC(2026, 10, 2, 8, 0),
      dueNow: true,
    });
  });

  it('spring forward: a 02:30 dose that does not exist moves to 03:30 and can be logged', async () => {
    t.clock.set(Date.UTC(2026, 2, 8, 12, 0)); // 8 March 2026, New York springs forward at 02:00
    const { patient, medicationId, session } = await patientIn('America/New_York', ['02:30', '21:00']);
    const today = await todayOf(patient, session);
    expect(today.doses.map((d) => [d.localTime, d.dueAt])).toEqual([
      ['02:30', Date.UTC(2026, 2, 8, 7, 30)], // 03:30 EDT
      ['21:00', Date.UTC(2026, 2, 9, 1, 0)],
    ]);
    const res = await call(t.app, session, 'POST', `/api/patients/${patient.overview.id}/doses`, {
      id: uuid(),
      medicationId,
      doseKey: `${medicationId}:2026-03-08:02:30`,
      status: 'taken',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<LogResult>().log.scheduledFor).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('fall back: an ambiguous 01:30 dose is due at the first 01:30, once', async () => {
    t.clock.set(Date.UTC(2026, 10, 1, 18, 0)); // 1 November 2026, New York falls back at 02:00
    const { patient, session } = await patientIn('America/New_York', ['01:30']);
    const today = await todayOf(patient, session);
    expect(today.doses.map((d) => d.dueAt)).toEqual([Date.UTC(2026, 10, 1, 5, 30)]); // 01:30 EDT
  });

  it('a patient moving zone keeps every dose key once: nothing duplicated, nothing lost', async () => {
    t.clock.set(Date.UTC(2026, 10, 2, 15, 0)); // 09:00 on 2 November in Chicago
    const { patient, medicationId, session } = await patientIn('America/Chicago', ['08:00', '20:00']);
    const base = `/api/patients/${patient.overview.id}/doses`;
    const key = (day: string, time: string) => `${medicationId}:${day}:${time}`;
    const log = (doseKey: string) =>
      call(t.app, session, 'POST', base, { id: uuid(), medicationId, doseKey, status: 'taken' });
    expect((await log(key('2026-11-02', '08:00'))).statusCode).toBe(201);

    // The patient flies to Kiritimati: there it is already 05:00 on 3 November.
    await t.deps.database.db
      .updateTable('patients')
      .set({ time_zone: 'Pacific/Kiritimati' })
      .where('id', '=', patient.overview.id)
      .execute();
    const today = await todayOf(patient, session);
    expect(today.today).toBe('2026-11-03');
    expect(today.doses.map((d) => [d.doseKey, d.state])).toEqual([
      [key('2026-11-03', '08:00'), 'due'],
      [key('2026-11-03', '20:00'), 'due'],
    ]);
    // Yesterday's logged dose keeps its key: logging it again is the same dose (409), not a second log.
    const again = await log(key('2026-11-02', '08:00'));
    expect(again.statusCode).toBe(409);
    // Yesterday's evening dose (missed in the move) can still be logged, once, under its own key.
    expect((await log(key('2026-11-02', '20:00'))).statusCode).toBe(201);
    const logs = (await call(t.app, session, 'GET', `${base}?from=2026-11-01&to=2026-11-03`)).json<{
      logs: DoseLog[];
    }>().logs;
    expect(logs.map((l) => l.doseKey).sort()).toEqual([
      key('2026-11-02', '08:00'),
      key('2026-11-02', '20:00'),
    ]);
    // Moving back west: 2 November again in Chicago — the same keys, both already logged.
    await t.deps.database.db
      .updateTable('patients')
      .set({ time_zone: 'America/Chicago' })
      .where('id', '=', patient.overview.id)
      .execute();
    const back = await todayOf(patient, session);
    expect(back.today).toBe('2026-11-02');
    expect(back.doses.map((d) => d.state)).toEqual(['taken', 'taken']);
  });

  it('the day US clocks went back: an hourly dose makes 25 doses and each one can be logged (issue 11)', async () => {
    t.clock.set(Date.UTC(2026, 10, 2, 15, 0)); // 09:00 on 2 November in Chicago
    const patient = await buildPatient(t.deps, prescriber, [{ user: prescriber, role: 'prescriber' }], {
      timeZone: 'America/Chicago',
    });
    const medicationId = await addMedication(t.deps.database.db, {
      clinicId: prescriber.clinicId,
      patientId: patient.overview.id,
      prescriberId: prescriber.id,
      name: 'Hourly test',
      periods: [
        {
          from: '2026-10-01',
          doseAmount: 1,
          schedule: { kind: 'every_n_hours', everyHours: 1, firstTime: '00:00' },
        },
      ],
      now: TEST_NOW,
    });
    const session = await signIn(t.app, patient.user.email, PASSWORD);
    const base = `/api/patients/${patient.overview.id}/doses`;
    const first = `${medicationId}:2026-11-01:01:00`;
    const second = `${first}~2`;
    const log = (doseKey: string) =>
      call(t.app, session, 'POST', base, { id: uuid(), medicationId, doseKey, status: 'taken' });
    const r1 = await log(first);
    const r2 = await log(second);
    expect([r1.statusCode, r2.statusCode]).toEqual([201, 201]);
    // The two 01:00 doses are an hour apart in real time (01:00 CDT, then 01:00 CST).
    const [a, b] = [r1.json<LogResult>().log, r2.json<LogResult>().log];
    expect(a.scheduledFor).toBe(Date.UTC(2026, 10, 1, 6, 0));
    expect(b.scheduledFor).toBe(Date.UTC(2026, 10, 1, 7, 0));
    expect((await log(second)).statusCode).toBe(409); // the same dose twice is still refused
    expect((await log(`${medicationId}:2026-11-02:01:00~2`)).statusCode).toBe(400); // an ordinary day has none
    const logs = (await call(t.app, session, 'GET', `${base}?from=2026-11-01&to=2026-11-01`)).json<{
      logs: DoseLog[];
    }>().logs;
    expect(logs.map((l) => l.doseKey).sort()).toEqual([first, second]);
    // Today on that day lists all 25, the two 01:00 doses each with its own key.
    t.clock.set(Date.UTC(2026, 10, 1, 18, 0)); // 12:00 CST on 1 November
    const day = await todayOf(patient, session);
    expect(day.doses).toHaveLength(25);
    expect(new Set(day.doses.map((d) => d.doseKey)).size).toBe(25);
    expect(day.doses.filter((d) => d.localTime === '01:00').map((d) => [d.doseKey, d.state])).toEqual([
      [first, 'taken'],
      [second, 'taken'],
    ]);
    t.clock.set(Date.UTC(2026, 10, 2, 15, 0));
  });
});
