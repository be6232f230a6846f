import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';

type Who =
  | 'therapist'
  | 'therapist2'
  | 'prescriber'
  | 'careManager'
  | 'admin'
  | 'outsider'
  | 'patient'
  | 'otherPatient';

/**
 * One clinic: a patient whose team has two therapists, a prescriber and a care manager; the clinic's
 * admin; a therapist outside the team with a patient of their own.
 */
export interface NotesFixture {
  t: TestContext;
  users: Record<Exclude<Who, 'patient' | 'otherPatient'>, BuiltUser>;
  patient: BuiltPatient;
  otherPatient: BuiltPatient;
  as: Record<Who, Session>;
}

export async function notesFixture(): Promise<NotesFixture> {
  const t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const users = {
    therapist: await buildUser(t.deps, clinic, 'therapist', 'Thea Author'),
    therapist2: await buildUser(t.deps, clinic, 'therapist', 'Theo Second'),
    prescriber: await buildUser(t.deps, clinic, 'prescriber', 'Priya Prescriber'),
    careManager: await buildUser(t.deps, clinic, 'care_manager', 'Cara Manager'),
    admin: await buildUser(t.deps, clinic, 'admin', 'Ada Admin'),
    outsider: await buildUser(t.deps, clinic, 'therapist', 'Olaf Outsider'),
  };
  const patient = await buildPatient(
    t.deps,
    users.therapist,
    [
      { user: users.therapist, role: 'therapist' },
      { user: users.therapist2, role: 'therapist' },
      { user: users.prescriber, role: 'prescriber' },
      { user: users.careManager, role: 'care_manager' },
    ],
    { givenName: 'Nora', familyName: 'Notewright' },
  );
  const otherPatient = await buildPatient(
    t.deps,
    users.outsider,
    [{ user: users.outsider, role: 'therapist' }],
    {
      givenName: 'Omar',
      familyName: 'Elsewhere',
    },
  );
  const sign = (u: BuiltUser) => signIn(t.app, u.email, PASSWORD);
  const as = {
    therapist: await sign(users.therapist),
    therapist2: await sign(users.therapist2),
    prescriber: await sign(users.prescriber),
    careManager: await sign(users.careManager),
    admin: await sign(users.admin),
    outsider: await sign(users.outsider),
    patient: await sign(patient.user),
    otherPatient: await sign(otherPatient.user),
  };
  return { t, users, patient, otherPatient, as };
}

export const uuid = (): string => randomUUID();

/** A session row as the appointments feature keeps it (only what a note link needs is meaningful). */
export async function insertSession(
  t: TestContext,
  clinicId: string,
  patientId: string,
  clinicianId: string,
  day: string,
): Promise<string> {
  const id = uuid();
  const at = Date.parse(`${day}T15:00:00Z`);
  await sql`insert into appointments (id, clinic_id, patient_id, series_id, type, clinician_id, mode, local_day,
      local_time, time_zone, starts_at, ends_at, duration_minutes, location, status, cancelled_by,
      cancelled_late, cancel_reason, status_set_by, status_set_at, created_by, created_at, updated_at, version)
    values (${id}, ${clinicId}, ${patientId}, ${null}, ${'therapy'}, ${clinicianId}, ${'in_person'}, ${day},
      ${'10:00'}, ${'America/Chicago'}, ${at}, ${at + 3_000_000}, ${50}, ${null}, ${'attended'}, ${null},
      ${null}, ${null}, ${clinicianId}, ${at}, ${clinicianId}, ${at}, ${at}, ${1})`.execute(
    t.deps.database.db,
  );
  return id;
}
