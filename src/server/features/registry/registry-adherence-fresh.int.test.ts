import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, TEST_NOW } from '../../testing/test-app.js';
import { PASSWORD } from '../../testing/factories.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { adherenceFixture, type AdherenceFixture } from '../adherence/adherence.test-kit.js';

// The registry keeps each patient's 14-day adherence until their dose record changes (migration 025): every
// write that can change it, made through the real routes, must show in the very next registry read.
let f: AdherenceFixture;
beforeAll(async () => {
  f = await adherenceFixture();
});
afterAll(() => f.t.close());

describe('registry adherence follows every dose record change at once', () => {
  it('a logged dose, a correction, a schedule change and a stop each show in the next read', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Fresh');
    const med = await f.medication(p, { startDate: f.daysAgo(30), times: ['08:00'] });
    // Taken every day except the last three days before today, which are left unlogged.
    const open = new Set([f.daysAgo(1), f.daysAgo(2), f.daysAgo(3)]);
    await f.logDoses(p, med, f.daysAgo(30), f.daysAgo(1), (day) => (open.has(day) ? 'none' : false));
    const s = await f.sessions();
    const adherence = async () => {
      const res = await call(f.t.app, s.prescriber, 'GET', '/api/registry');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<RegistryResponse>().patients.find((r) => r.patientId === p)?.adherence ?? null;
    };
    const first = await adherence();
    expect(first).toMatchObject({ days: 14 });
    expect(await adherence()).toEqual(first); // unchanged record, same answer

    const patient = await signIn(f.t.app, (await userOf(p)).email, PASSWORD);
    const base = `/api/patients/${p}/doses`;
    const logged = await call(f.t.app, patient, 'POST', base, {
      id: randomUUID(),
      medicationId: med.medicationId,
      doseKey: `${med.medicationId}:${f.daysAgo(1)}:08:00`,
      status: 'taken',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const afterLog = await adherence();
    expect(afterLog?.taken).toBe((first?.taken ?? 0) + 1);

    const logId = logged.json<{ log: { id: string } }>().log.id;
    const corrected = await call(
      f.t.app,
      patient,
      'PATCH',
      `${base}/${logId}`,
      { status: 'skipped', skipReason: 'forgot' },
      { 'if-match': '"1"' },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await adherence())?.taken).toBe(first?.taken);

    const changes = `/api/patients/${p}/medications/${med.medicationId}/changes`;
    const twice = await call(
      f.t.app,
      s.prescriber,
      'POST',
      changes,
      {
        action: 'change_dose',
        effectiveOn: f.daysAgo(5),
        doseAmount: 50,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
        reason: 'Split the dose.',
      },
      { 'if-match': '"1"' },
    );
    expect(twice.statusCode, twice.body).toBe(200);
    const afterChange = await adherence();
    expect(afterChange?.scheduled).toBeGreaterThan(first?.scheduled ?? 0);

    const stopped = await call(
      f.t.app,
      s.prescriber,
      'POST',
      changes,
      { action: 'stop', lastDay: f.daysAgo(10), reason: 'Stopped after review.' },
      { 'if-match': '"2"' },
    );
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((await adherence())?.scheduled).toBeLessThan(afterChange?.scheduled ?? 0);
  });
});

async function userOf(patientId: string) {
  return f.t.deps.database.db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.email'])
    .where('p.id', '=', patientId)
    .executeTakeFirstOrThrow();
}
