import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestContext, TEST_NOW, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser } from '../../testing/factories.js';
import { newId } from '../../platform/ids.js';
import { up } from '../../db/migrations/030-dose-keys-wall-clock.js';
import { addMedication } from './doses.test-kit.js';

// Migration 030: logs of every-N-hours doses made under the old keys (real hours from the first dose) move
// to the wall-clock dose they were about; everything else keeps its key.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('migration 030: every-N-hours dose keys follow the wall clock', () => {
  it('moves summer logs keyed 09:00/21:00 to 08:00/20:00 and leaves winter and fixed-time logs alone', async () => {
    const db = t.deps.database.db;
    const clinic = await buildClinic(t.deps);
    const prescriber = await buildUser(t.deps, clinic, 'prescriber');
    const patient = await buildPatient(t.deps, prescriber, [{ user: prescriber, role: 'prescriber' }], {
      timeZone: 'Europe/Berlin',
    });
    const common = {
      clinicId: prescriber.clinicId,
      patientId: patient.overview.id,
      prescriberId: prescriber.id,
      now: TEST_NOW,
    };
    const interval = await addMedication(db, {
      ...common,
      name: 'Every 12 h',
      periods: [
        {
          from: '2026-01-10',
          doseAmount: 1,
          schedule: { kind: 'every_n_hours', everyHours: 12, firstTime: '08:00' },
        },
      ],
    });
    const fixed = await addMedication(db, {
      ...common,
      name: 'Daily',
      periods: [
        { from: '2026-01-10', doseAmount: 1, schedule: { kind: 'times', times: ['09:00'], weekdays: null } },
      ],
    });
    const log = async (medicationId: string, key: string, day: string, at: number) => {
      const id = newId();
      await db
        .insertInto('dose_logs')
        .values({
          id,
          clinic_id: prescriber.clinicId,
          patient_id: patient.overview.id,
          medication_id: medicationId,
          dose_key: `${medicationId}:${day}:${key}`,
          status: 'taken',
          skip_reason: null,
          note: null,
          taken_at: at,
          scheduled_for: at,
          local_date: day,
          dose_amount: 1,
          dose_unit: 'mg',
          as_needed: 0,
          late_entry: 0,
          logged_by: patient.user.id,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
      return id;
    };
    // Old keys: 09:00/21:00 CEST in July (07:00Z/19:00Z, 24 h multiples from 08:00 CET in January).
    const summerAm = await log(interval, '09:00', '2026-07-15', Date.UTC(2026, 6, 15, 7));
    const summerPm = await log(interval, '21:00', '2026-07-15', Date.UTC(2026, 6, 15, 19));
    const winter = await log(interval, '08:00', '2026-01-20', Date.UTC(2026, 0, 20, 7));
    const daily = await log(fixed, '09:00', '2026-07-15', Date.UTC(2026, 6, 15, 7));

    await up(db as unknown as Kysely<unknown>);
    await up(db as unknown as Kysely<unknown>); // running it again changes nothing

    const rows = await db
      .selectFrom('dose_logs')
      .select(['id', 'dose_key', 'scheduled_for'])
      .where('patient_id', '=', patient.overview.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(summerAm)).toMatchObject({
      dose_key: `${interval}:2026-07-15:08:00`,
      scheduled_for: Date.UTC(2026, 6, 15, 6),
    });
    expect(byId.get(summerPm)?.dose_key).toBe(`${interval}:2026-07-15:20:00`);
    expect(byId.get(winter)?.dose_key).toBe(`${interval}:2026-01-20:08:00`);
    expect(byId.get(daily)?.dose_key).toBe(`${fixed}:2026-07-15:09:00`);
  });
});
