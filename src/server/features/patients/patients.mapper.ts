import type { CareTeamRole } from '../../../shared/access/roles.js';
import type { PatientOverview } from '../../../shared/patients/schemas.js';
import { openVacancies, type CareTeamVacancy } from '../../../shared/patients/vacancy.js';
import type { MemberRow, PatientRow, RemovalRow } from './patients.repository.js';

export function toCareTeamMember(m: MemberRow) {
  return {
    userId: m.user_id,
    name: m.name,
    email: m.email,
    role: m.role as CareTeamRole,
    addedAt: m.added_at,
  };
}

export function toPatientOverview(
  p: PatientRow,
  team: MemberRow[],
  pendingEmail: string | null,
  vacancies: CareTeamVacancy[] = [],
): PatientOverview {
  return {
    id: p.id,
    givenName: p.given_name,
    familyName: p.family_name,
    birthDate: p.birth_date,
    email: p.email,
    phone: p.phone,
    timeZone: p.time_zone,
    medicalRecordNumber: p.medical_record_number,
    country: p.country ?? null,
    version: p.version,
    careTeamVersion: p.care_team_version,
    account: p.account_status as PatientOverview['account'],
    pendingEmail,
    careTeam: team.map(toCareTeamMember),
    vacancies,
    createdAt: p.created_at,
  };
}

/** The roles left empty by a departure, from the removals of roles nobody holds now (newest first). */
export function toVacancies(removals: RemovalRow[]): CareTeamVacancy[] {
  return openVacancies(removals).map((r) => ({
    role: r.role as CareTeamRole,
    leftName: r.left_name,
    since: r.at,
    reason: r.reason ?? '',
    byName: r.by_name,
  }));
}
