import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { TEST_NOW } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { DoseLog, LogResult, Today } from '../../../shared/doses/schemas.js';
import { addMedication, daily } from './doses.test-kit.js';

// TEST_NOW is 2026-11-02 15:00 UTC: 09:00 in Chicago (the patient's zone), the day after US DST ended.
let f: MessagingFixture;
let base: string;
let sertraline: string;
let lorazepam: string;
const H = 3_600_000;

beforeAll(async () => {
  f = await messagingFixture();
  const p = f.patient.overview;
  base = `/api/patients/${p.id}/doses`;
  const common = {
    clinicId: f.prescriber.clinicId,
    patientId: p.id,
    prescriberId: f.prescriber.id,
    now: TEST_NOW,
  };
  sertraline = await addMedication(f.t.deps.database.db, {
    ...common,
    name: 'Sertraline',
    periods: [{ from: '2026-10-20', doseAmount: 50, schedule: daily('08:00', '20:00') }],
  });
  lorazepam = await addMedication(f.t.deps.database.db, {
    ...common,
    name: 'Lorazepam',
    periods: [{ from: '2026-10-20', doseAmount: 0.5, schedule: { kind: 'as_needed', maxPerDay: 2 } }],
  });
});
afterAll(() => f.t.close());

const key = (day: string, time: string) => `${sertraline}:${day}:${time}`;
const taken = (doseKey: string, extra: object = {}) => ({
  id: uuid(),
  medicationId: sertraline,
  doseKey,
  status: 'taken',
  ...extra,
});
async function rowsFor(doseKey: string) {
  return f.t.deps.database.db.selectFrom('dose_logs').selectAll().where('dose_key', '=', doseKey).execute();
}
async function today(session = f.as.patient) {
  const res = await call(f.t.app, session, 'GET', `${base}/today`);
  expect(res.statusCode).toBe(200);
  return res.json<Today>();
}

describe('Today', () => {
  it("lists today's doses in the patient's zone, with what is due now and the as-needed medicines", async () => {
    const t = await today();
    expect(t.today).toBe('2026-11-02');
    expect(t.timeZone).toBe('America/Chicago');
    expect(t.doses.map((d) => [d.localTime, d.state, d.dueNow])).toEqual([
      ['08:00', 'due', true],
      ['20:00', 'due', false],
    ]);
    expect(t.doses[0]).toMatchObject({ name: 'Sertraline', doseAmount: 50, doseUnit: 'mg' });
    expect(t.doses[0]?.dueAt).toBe(Date.UTC(2026, 10, 2, 14, 0)); // 08:00 CST = 14:00 UTC
    expect(t.asNeeded).toEqual([
      expect.objectContaining({ medicationId: lorazepam, maxPerDay: 2, countToday: 0, name: 'Lorazepam' }),
    ]);
  });

  it('is read by the care team, and is 404 for another patient and a clinician outside the team', async () => {
    expect((await today(f.as.therapist)).doses).toHaveLength(2);
    for (const s of [f.as.otherPatient, f.as.outsider]) {
      const res = await call(f.t.app, s, 'GET', `${base}/today`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Sertraline');
    }
  });
});

describe('logging a dose', () => {
  it('records "taken"; a retry with the same id returns the first log and stores nothing twice', async () => {
    const body = taken(key('2026-11-02', '08:00'));
    const first = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    const log = first.json<LogResult>().log;
    expect(log).toMatchObject({
      id: body.id,
      status: 'taken',
      takenAt: TEST_NOW,
      lateEntry: false,
      asNeeded: false,
    });
    expect(log.scheduledFor).toBe(Date.UTC(2026, 10, 2, 14, 0));
    const retry = await call(f.t.app, f.as.patient, 'POST', base, { ...body, status: 'taken' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<LogResult>().log.id).toBe(body.id);
    expect(await rowsFor(body.doseKey)).toHaveLength(1);
    const t = await today();
    expect(t.doses[0]).toMatchObject({
      state: 'taken',
      dueNow: false,
      log: { id: body.id, takenAt: TEST_NOW },
    });
  });

  it('a double tap with two ids never makes two logs: the second gets 409 with the existing log', async () => {
    const doseKey = key('2026-11-01', '20:00');
    const [a, b] = await Promise.all([
      call(f.t.app, f.as.patient, 'POST', base, taken(doseKey)),
      call(f.t.app, f.as.patient, 'POST', base, taken(doseKey)),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const winner = (a.statusCode === 201 ? a : b).json<LogResult>().log;
    const loser = (a.statusCode === 409 ? a : b).json<{ error: { details: { current: DoseLog } } }>();
    expect(loser.error.details.current.id).toBe(winner.id);
    expect(await rowsFor(doseKey)).toHaveLength(1);
  });

  it('a skip needs a reason, and records it', async () => {
    const doseKey = key('2026-11-01', '08:00');
    const noReason = await call(f.t.app, f.as.patient, 'POST', base, {
      ...taken(doseKey),
      status: 'skipped',
    });
    expect(noReason.statusCode).toBe(400);
    const res = await call(f.t.app, f.as.patient, 'POST', base, {
      ...taken(doseKey),
      status: 'skipped',
      skipReason: 'side_effects',
      note: 'Felt sick',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<LogResult>().log).toMatchObject({
      status: 'skipped',
      skipReason: 'side_effects',
      takenAt: null,
    });
  });

  it('refuses a dose not on the schedule, a later day, and a time taken in the future', async () => {
    for (const doseKey of [
      key('2026-11-02', '09:00'),
      key('2026-11-03', '08:00'),
      key('2026-10-19', '08:00'),
    ]) {
      const res = await call(f.t.app, f.as.patient, 'POST', base, taken(doseKey));
      expect(res.statusCode, doseKey).toBe(400);
    }
    const future = await call(
      f.t.app,
      f.as.patient,
      'POST',
      base,
      taken(key('2026-11-02', '20:00'), { takenAt: TEST_NOW + H }),
    );
    expect(future.statusCode).toBe(400);
    const other = await call(f.t.app, f.as.patient, 'POST', base, {
      ...taken(key('2026-11-02', '20:00')),
      medicationId: lorazepam,
    });
    expect(other.statusCode).toBe(400);
  });

  it('marks a log made more than 48 hours after the dose was due as a late entry', async () => {
    const late = await call(f.t.app, f.as.patient, 'POST', base, taken(key('2026-10-30', '08:00')));
    expect(late.json<LogResult>().log.lateEntry).toBe(true);
    // 2026-10-31 20:00 CDT is 01:00 UTC on 1 November: 38 hours ago, not late.
    const inTime = await call(f.t.app, f.as.patient, 'POST', base, taken(key('2026-10-31', '20:00')));
    expect(inTime.json<LogResult>().log.lateEntry).toBe(false);
  });

  it('only the patient logs: the care team gets 403, another patient and a stranger 404', async () => {
    const doseKey = key('2026-10-29', '08:00');
    for (const s of [f.as.therapist, f.as.prescriber, f.as.careManager]) {
      const res = await call(f.t.app, s, 'POST', base, taken(doseKey));
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
        'patient_only',
      );
    }
    for (const s of [f.as.otherPatient, f.as.outsider]) {
      expect((await call(f.t.app, s, 'POST', base, taken(doseKey))).statusCode).toBe(404);
    }
    expect(await rowsFor(doseKey)).toHaveLength(0);
  });

  it('logs as-needed doses with time and reason, and records one above the maximum with a warning', async () => {
    const dose = (takenAt: number) => ({
      id: uuid(),
      medicationId: lorazepam,
      status: 'taken',
      takenAt,
      note: 'Before the meeting',
    });
    const r1 = await call(f.t.app, f.as.patient, 'POST', base, dose(TEST_NOW - 2 * H));
    expect(r1.statusCode).toBe(201);
    expect(r1.json<LogResult>()).toMatchObject({ aboveMaxPerDay: false, warning: null });
    expect(r1.json<LogResult>().log).toMatchObject({
      asNeeded: true,
      doseKey: null,
      doseAmount: 0.5,
      localDate: '2026-11-02',
    });
    await call(f.t.app, f.as.patient, 'POST', base, dose(TEST_NOW - H));
    const r3 = await call(f.t.app, f.as.patient, 'POST', base, dose(TEST_NOW));
    expect(r3.statusCode).toBe(201);
    expect(r3.json<LogResult>().aboveMaxPerDay).toBe(true);
    expect(r3.json<LogResult>().warning).toMatch(/more than the 2 a day/);
    const t = await today();
    expect(t.asNeeded[0]).toMatchObject({ countToday: 3, maxPerDay: 2 });
    const skip = await call(f.t.app, f.as.patient, 'POST', base, {
      ...dose(TEST_NOW),
      takenAt: undefined,
      status: 'skipped',
      skipReason: 'forgot',
    });
    expect(skip.statusCode).toBe(400);
  });

  it('lists logs by local day for the team', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'GET', `${base}?from=2026-10-30&to=2026-10-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ logs: DoseLog[] }>().logs.map((l) => l.localDate)).toEqual([
      '2026-10-30',
      '2026-10-31',
    ]);
  });

  it('audits reads and writes', async () => {
    const rows = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_role'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', 'in', ['dose.log', 'dose.today'])
      .execute();
    expect(rows.some((r) => r.action === 'dose.log' && r.outcome === 'allowed')).toBe(true);
    expect(rows.some((r) => r.action === 'dose.today' && r.actor_role === 'therapist')).toBe(true);
    // The care team's refused logs (403 above) are audited too: the declared policy refuses them at the
    // gate, which records the denied attempt on the patient (issue 13: every refusal is audited).
    const refused = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(refused).toEqual(
      expect.arrayContaining(
        (['therapist', 'prescriber', 'care_manager'] as const).map((role) => ({
          action: 'patient.access',
          actor_role: role,
        })),
      ),
    );
  });
});

describe('correcting a log', () => {
  it('changes status, time or reason for 48 hours with If-Match, then refuses', async () => {
    const body = taken(key('2026-11-02', '20:00'), { takenAt: TEST_NOW });
    const created = (await call(f.t.app, f.as.patient, 'POST', base, body)).json<LogResult>().log;
    const url = `${base}/${created.id}`;
    const patch = { status: 'skipped', skipReason: 'ran_out' };
    expect((await call(f.t.app, f.as.patient, 'PATCH', url, patch)).statusCode).toBe(428);
    expect((await call(f.t.app, f.as.therapist, 'PATCH', url, patch, { 'if-match': '"1"' })).statusCode).toBe(
      403,
    );
    expect(
      (await call(f.t.app, f.as.otherPatient, 'PATCH', url, patch, { 'if-match': '"1"' })).statusCode,
    ).toBe(404);
    const ok = await call(f.t.app, f.as.patient, 'PATCH', url, patch, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<DoseLog>()).toMatchObject({
      status: 'skipped',
      skipReason: 'ran_out',
      takenAt: null,
      version: 2,
    });
    const stale = await call(f.t.app, f.as.patient, 'PATCH', url, { status: 'taken' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { details: { current: DoseLog } } }>().error.details.current.version).toBe(2);

    await f.setClock(TEST_NOW + 47 * H);
    const back = await call(
      f.t.app,
      f.as.patient,
      'PATCH',
      url,
      { status: 'taken', takenAt: TEST_NOW - H },
      { 'if-match': '"2"' },
    );
    expect(back.statusCode).toBe(200);
    expect(back.json<DoseLog>()).toMatchObject({ status: 'taken', takenAt: TEST_NOW - H, skipReason: null });

    await f.setClock(TEST_NOW + 49 * H);
    const closed = await call(
      f.t.app,
      f.as.patient,
      'PATCH',
      url,
      { status: 'skipped', skipReason: 'forgot' },
      { 'if-match': '"3"' },
    );
    expect(closed.statusCode).toBe(409);
    expect(
      closed.json<{ error: { details: { reason: string; correctableUntil: number } } }>().error.details,
    ).toEqual({
      reason: 'correction_window_closed',
      correctableUntil: TEST_NOW + 48 * H,
    });
    await f.setClock(TEST_NOW);
  });
});
