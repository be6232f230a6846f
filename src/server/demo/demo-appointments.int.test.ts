import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { seedDemoClinic } from './seed-demo.js';
import { attendanceOverTime } from '../../shared/appointments/attendance.js';
import { toAppointment } from '../features/appointments/appointments.mapper.js';
import * as repo from '../features/appointments/appointments.repository.js';

let t: TestContext;
// Seeding the whole demo clinic is set-up, under the hook's time limit like the other demo tests: it took 1.5 s
// on a quiet machine and over the 20 s test limit on PostgreSQL under a load average of 18.
beforeAll(async () => {
  t = await createTestContext();
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic appointments', () => {
  it('has weekly sessions with a no-show and a late cancellation, upcoming sessions and medication reviews', async () => {
    const sam = await t.deps.database.db
      .selectFrom('patients')
      .select(['id', 'clinic_id', 'time_zone'])
      .where('given_name', '=', 'Sam')
      .executeTakeFirstOrThrow();
    const rows = (await repo.appointmentsOfPatient(t.deps.database.db, sam.clinic_id, sam.id)).map(
      toAppointment,
    );
    const now = t.clock.now();
    const sessions = rows.filter((a) => a.type === 'therapy_session');
    expect(sessions).toHaveLength(14);
    expect(sessions.filter((a) => a.startsAt > now && a.status === 'scheduled')).toHaveLength(4);
    expect(sessions.filter((a) => a.status === 'no_show')).toHaveLength(1);
    expect(sessions.filter((a) => a.cancelledBy === 'patient' && a.cancelledLate)).toHaveLength(1);
    expect(new Set(sessions.map((a) => a.time))).toEqual(new Set(['10:00']));
    expect(rows.filter((a) => a.type === 'medication_review').map((a) => a.status)).toEqual([
      'attended',
      'scheduled',
    ]);
    const rate = attendanceOverTime(rows, now, sam.time_zone).last90Days.rate ?? 0;
    expect(rate).toBeGreaterThan(0.7);
    expect(rate).toBeLessThan(1);
  });
});
