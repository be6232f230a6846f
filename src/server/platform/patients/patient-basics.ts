import type { Db } from '../../db/database.js';
import { forgetInScope, rememberedInScope } from '../request-scope.js';
import * as repo from './patient-basics.repository.js';

export interface CareTeamMember {
  userId: string;
  /** The team role (therapist, prescriber, care_manager): one person may hold two. */
  role: string;
}

/** What most features need to know about a patient: who, where (zone, country), and who is on the team. */
export interface PatientBasics {
  id: string;
  clinicId: string;
  /** The patient's own account. */
  userId: string;
  givenName: string;
  familyName: string;
  displayName: string;
  birthDate: string;
  /** IANA time zone: the patient's days and clock times are in it. */
  timeZone: string;
  /** ISO 3166-1 alpha-2 as recorded; null means the clinic's country (shared/crisis). */
  country: string | null;
  /** When the patient was enrolled (epoch ms). */
  enrolledAt: number;
  careTeam: CareTeamMember[];
}

const scopeKey = (clinicId: string, patientId: string) => `patient-basics:${clinicId}:${patientId}`;

async function load(db: Db, clinicId: string, patientId: string): Promise<PatientBasics | null> {
  const row = await repo.basicsRow(db, clinicId, patientId);
  if (!row) return null;
  const team = await repo.careTeamRows(db, clinicId, patientId);
  return {
    id: row.id,
    clinicId: row.clinic_id,
    userId: row.user_id,
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: `${row.given_name} ${row.family_name}`,
    birthDate: row.birth_date,
    timeZone: row.time_zone,
    country: row.country,
    enrolledAt: row.created_at,
    careTeam: team.map((m) => ({ userId: m.user_id, role: m.role })),
  };
}

/**
 * The one way to look up a patient's basics (issue 18). A lookup most features need, kept in the platform
 * beside platform/users so they share it without importing each other: through the patients feature's face
 * it closed import cycles (accounts -> medications -> patients -> accounts). The patients feature, which
 * writes the row and the team, calls forgetPatientBasics after each write. Returns null when there is no
 * such patient in this clinic.
 * Read at most once per request (or background run, or outbox event); pass the transaction when inside
 * one. It is no access check: callers reach the patient through withPatientRecord first. The object is
 * shared within the request: read it, do not change it.
 */
export function patientBasics(db: Db, clinicId: string, patientId: string): Promise<PatientBasics | null> {
  return rememberedInScope(scopeKey(clinicId, patientId), () => load(db, clinicId, patientId));
}

/** After a write to the patient's row or care team: the next read in this request goes to the database. */
export function forgetPatientBasics(clinicId: string, patientId: string): void {
  forgetInScope(scopeKey(clinicId, patientId));
}
