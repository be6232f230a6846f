import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import type { Actor } from '../platform/auth/actor.js';
import type { CareTeamRole, Role } from '../../shared/access/roles.js';
import * as accounts from '../features/accounts/index.js';
import { enrolPatient } from '../features/patients/index.js';
import type { PatientOverview } from '../../shared/patients/schemas.js';

export const PASSWORD = 'correct-horse-battery-7';
let passwordHash: string | null = null;
let counter = 0;

export interface BuiltUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  clinicId: string;
  actor: Actor;
}

export async function buildClinic(deps: AppDeps, name = 'Test clinic'): Promise<string> {
  const id = newId();
  // Two-step sign-in for staff is off in test clinics (on by default for new clinics, issue 13); the
  // two-factor tests turn it on themselves.
  const settings = JSON.stringify({ staffTwoFactorRequired: false });
  await accounts.insertClinic(deps.database.db, { id, name, settings, created_at: deps.clock.now() });
  return id;
}

/** An active account with the shared test PASSWORD. */
export async function buildUser(
  deps: AppDeps,
  clinicId: string,
  role: Role,
  name?: string,
): Promise<BuiltUser> {
  passwordHash ??= await deps.passwords.hash(PASSWORD);
  const id = newId();
  counter++;
  const email = `${role}${String(counter)}.${id.slice(-6)}@clinic.test`;
  const now = deps.clock.now();
  await accounts.insertUser(deps.database.db, {
    id,
    clinic_id: clinicId,
    email,
    name: name ?? `${role} ${String(counter)}`,
    role,
    status: 'active',
    password_hash: passwordHash,
    version: 1,
    created_at: now,
    updated_at: now,
    last_login_at: null,
  });
  return {
    id,
    email,
    name: name ?? `${role} ${String(counter)}`,
    role,
    clinicId,
    actor: { userId: id, role, clinicId, patientId: null, sessionIdHash: '', csrfToken: '' },
  };
}

export interface BuiltPatient {
  overview: PatientOverview;
  user: BuiltUser;
}

/** Enrols a patient through the real service, then activates their account with PASSWORD. */
export async function buildPatient(
  deps: AppDeps,
  enrolledBy: BuiltUser,
  team: { user: BuiltUser; role: CareTeamRole }[],
  fields: Partial<{
    givenName: string;
    familyName: string;
    timeZone: string;
    medicalRecordNumber: string | null;
  }> = {},
): Promise<BuiltPatient> {
  passwordHash ??= await deps.passwords.hash(PASSWORD);
  counter++;
  const email = `patient${String(counter)}.${newId().slice(-6)}@mail.test`;
  const overview = await enrolPatient(deps, enrolledBy.actor, {
    givenName: fields.givenName ?? 'Pat',
    familyName: fields.familyName ?? `Ient${String(counter)}`,
    birthDate: '1990-05-17',
    email,
    phone: null,
    timeZone: fields.timeZone ?? 'America/Chicago',
    medicalRecordNumber: fields.medicalRecordNumber ?? null,
    careTeam: team.map((t) => ({ userId: t.user.id, role: t.role })),
  });
  const row = await accounts.findUserByEmail(deps.database.db, email);
  if (!row) throw new Error('patient account missing');
  await accounts.updateUser(
    deps.database.db,
    enrolledBy.clinicId,
    row.id,
    { status: 'active', password_hash: passwordHash },
    deps.clock.now(),
  );
  const user: BuiltUser = {
    id: row.id,
    email,
    name: row.name,
    role: 'patient',
    clinicId: enrolledBy.clinicId,
    actor: {
      userId: row.id,
      role: 'patient',
      clinicId: enrolledBy.clinicId,
      patientId: overview.id,
      sessionIdHash: '',
      csrfToken: '',
    },
  };
  return { overview, user };
}
