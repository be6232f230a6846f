import { randomUUID } from 'node:crypto';
import { insertAppointment } from '../appointments/index.js';
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
  await insertAppointment(t.deps.database.db, {
    id,
    clinic_id: clinicId,
    patient_id: patientId,
    series_id: null,
    type: 'therapy',
    clinician_id: clinicianId,
    mode: 'in_person',
    local_day: day,
    local_time: '10:00',
    time_zone: 'America/Chicago',
    starts_at: at,
    ends_at: at + 3_000_000,
    duration_minutes: 50,
    location: null,
    status: 'attended',
    cancelled_by: null,
    cancelled_late: null,
    cancel_reason: null,
    status_set_by: clinicianId,
    status_set_at: at,
    created_by: clinicianId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  return id;
}
