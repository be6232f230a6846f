import { addDays, localDate } from '../../../shared/time/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_NOW,
  type Session,
  type TestContext,
} from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import type { DueList } from '../../../shared/measures/schemas.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { addMedication, daily } from '../doses/doses.test-kit.js';

// Early-treatment watch (medication-safety.md section 5; issue 11). TEST_NOW is 2026-11-02 15:00 UTC.
let t: TestContext;
let prescriber: BuiltUser;
let clinician: Session;
const today = localDate(TEST_NOW, 'America/Chicago');

beforeAll(async () => {
  t = await createTestContext();
  t.clock.set(TEST_NOW);
  const clinic = await buildClinic(t.deps);
  prescriber = await buildUser(t.deps, clinic, 'prescriber');
  clinician = await signIn(t.app, prescriber.email, PASSWORD);
});
afterAll(() => t.close());

async function patient(
  name: string,
  birthDate: string,
  medication: { name: string; periods: { from: string; dose: number }[] },
) {
  const p = await buildPatient(t.deps, prescriber, [{ user: prescriber, role: 'prescriber' }], {
    givenName: name,
  });
  await t.deps.database.db
    .updateTable('patients')
    .set({ birth_date: birthDate })
    .where('id', '=', p.overview.id)
    .execute();
  await addMedication(t.deps.database.db, {
    clinicId: prescriber.clinicId,
    patientId: p.overview.id,
    prescriberId: prescriber.id,
    name: medication.name,
    periods: medication.periods.map((x) => ({ from: x.from, doseAmount: x.dose, schedule: daily('08:00') })),
    now: TEST_NOW,
  });
  emails.set(p.overview.id, p.user.email);
  return p.overview.id;
}
const emails = new Map<string, string>();
async function dueOf(patientId: string) {
  const res = await call(t.app, clinician, 'GET', `/api/patients/${patientId}/measures/due`);
  expect(res.statusCode).toBe(200);
  return res.json<DueList>();
}

describe('early-treatment watch', () => {
  it('a 19-year-old whose sertraline dose changed 3 days ago: extra PHQ-9 at week 1, flag in the registry', async () => {
    const changed = addDays(today, -3);
    const young = await patient('Young', '2007-05-01', {
      name: 'Sertraline',
      periods: [
        { from: addDays(today, -60), dose: 50 },
        { from: changed, dose: 100 },
      ],
    });
    // A PHQ-9 answered today (3 days after the change): the regular next one is in 2 weeks, the watch's in 4 days.
    const patientSession = await signIn(t.app, emails.get(young) ?? '', PASSWORD);
    const answer = await call(t.app, patientSession, 'POST', `/api/patients/${young}/measures`, {
      id: crypto.randomUUID(),
      instrument: 'phq9',
      answers: { items: [1, 1, 1, 1, 1, 1, 1, 1, 0] },
    });
    expect(answer.statusCode).toBe(201);
    const due = await dueOf(young);
    expect(due.earlyTreatmentWatch).toEqual({
      medicationId: expect.any(String),
      medicationName: 'Sertraline',
      kind: 'dose_changed',
      since: changed,
      until: addDays(changed, 28),
      checks: [addDays(changed, 7), addDays(changed, 14), addDays(changed, 28)],
    });
    expect(due.measures.find((m) => m.instrument === 'phq9')).toMatchObject({
      dueDate: addDays(changed, 7),
      status: 'upcoming',
      earlyTreatmentWatch: true,
    });

    const older = await patient('Older', '1990-01-01', {
      name: 'Sertraline',
      periods: [{ from: addDays(today, -3), dose: 50 }],
    });
    expect((await dueOf(older)).earlyTreatmentWatch).toBeNull();
    const lithium = await patient('Lithium', '2007-05-01', {
      name: 'Lithium',
      periods: [{ from: addDays(today, -3), dose: 300 }],
    });
    expect((await dueOf(lithium)).earlyTreatmentWatch).toBeNull();

    const registry = await call(t.app, clinician, 'GET', '/api/registry');
    expect(registry.statusCode).toBe(200);
    const flagsOf = new Map(registry.json<RegistryResponse>().patients.map((r) => [r.patientId, r.flags]));
    expect(flagsOf.get(young)).toContain('early_treatment_watch');
    expect(flagsOf.get(older)).not.toContain('early_treatment_watch');
    expect(flagsOf.get(lithium)).not.toContain('early_treatment_watch');
  });

  it('ends after week 4', async () => {
    const id = await patient('Past', '2007-05-01', {
      name: 'Fluoxetine',
      periods: [{ from: addDays(today, -29), dose: 20 }],
    });
    expect((await dueOf(id)).earlyTreatmentWatch).toBeNull();
  });
});
