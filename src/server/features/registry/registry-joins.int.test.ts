import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { adherenceFixture, type AdherenceFixture } from '../adherence/adherence.test-kit.js';
import { insertAppointment } from '../appointments/index.js';

let f: AdherenceFixture;
beforeAll(async () => {
  f = await adherenceFixture();
});
afterAll(() => f.t.close());

describe('registry last clinician contact (issue 6 joins issue 5)', () => {
  it('counts an attended appointment as a contact, not a scheduled or missed one', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Seen');
    const at = (days: number) => TEST_NOW - days * 86_400_000;
    const appointment = (startsAt: number, status: string) => ({
      id: randomUUID(),
      clinic_id: f.clinic,
      patient_id: p,
      series_id: null,
      type: 'therapy_session',
      clinician_id: f.users.therapist.id,
      mode: 'video',
      local_day: new Date(startsAt).toISOString().slice(0, 10),
      local_time: '10:00',
      time_zone: 'UTC',
      starts_at: startsAt,
      ends_at: startsAt + 3_000_000,
      duration_minutes: 50,
      location: null,
      status,
      cancelled_by: null,
      cancelled_late: null,
      cancel_reason: null,
      status_set_by: f.users.therapist.id,
      status_set_at: startsAt,
      created_by: f.users.therapist.id,
      created_at: startsAt,
      updated_at: startsAt,
      version: 1,
    });
    for (const a of [
      appointment(at(9), 'attended'),
      appointment(at(2), 'no_show'),
      appointment(at(1), 'scheduled'),
    ])
      await insertAppointment(f.t.deps.database.db, a);
    const s = await f.sessions();
    const rows = (await call(f.t.app, s.therapist, 'GET', '/api/registry')).json<RegistryResponse>().patients;
    const seen = rows.find((r) => r.patientId === p);
    expect(seen?.lastClinicianContactAt).toBe(at(9));
    expect(seen?.flags).not.toContain('no_recent_contact');
  });
});

describe('registry adherence (issue 4 joins issue 5)', () => {
  it('shows taken/scheduled over the 14-day alert window and flags low adherence below 80%', async () => {
    f.t.clock.set(TEST_NOW);
    const low = await f.patient('Low');
    const good = await f.patient('Good');
    const none = await f.patient('NoMeds');
    for (const [p, missEvery] of [
      [low, 2],
      [good, 10],
    ] as const) {
      const med = await f.medication(p, { startDate: f.daysAgo(20), times: ['08:00'] });
      let n = 0;
      await f.logDoses(p, med, f.daysAgo(20), f.today(), () => (++n % missEvery === 0 ? 'none' : false));
    }
    const s = await f.sessions();
    const res = await call(f.t.app, s.prescriber, 'GET', '/api/registry');
    expect(res.statusCode, res.body).toBe(200);
    const by = Object.fromEntries(res.json<RegistryResponse>().patients.map((p) => [p.patientId, p]));
    expect(by[low]?.adherence).toMatchObject({ days: 14, scheduled: 14 });
    expect(by[low]?.adherence?.percent).toBeLessThan(80);
    expect(by[low]?.flags).toContain('low_adherence');
    expect(by[good]?.adherence?.percent).toBeGreaterThanOrEqual(80);
    expect(by[good]?.flags).not.toContain('low_adherence');
    expect(by[none]?.adherence).toBeNull();
    const sorted = await call(f.t.app, s.prescriber, 'GET', '/api/registry?sort=adherence');
    expect(
      sorted
        .json<RegistryResponse>()
        .patients.map((p) => p.patientId)
        .slice(0, 2),
    ).toEqual([low, good]);
  });
});
