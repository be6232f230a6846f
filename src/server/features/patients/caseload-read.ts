import type { Db } from '../../db/database.js';
import type { CareTeamRole } from '../../../shared/access/roles.js';
import {
  caseloadResponseSchema,
  type CaseloadEntry,
  type CaseloadResponse,
} from '../../../shared/patients/schemas.js';
import * as repo from './patients.repository.js';
import { toCareTeamMember } from './patients.mapper.js';

export interface CaseloadReadInput {
  clinicId: string;
  userId: string;
}

/**
 * The clinician's caseload as the answer's JSON text, checked against its schema where it is made, and the
 * patients it shows (the caller records one list audit event naming them before answering). A read job
 * (reads/read-jobs.ts, issue 19): it only reads and may run on a read worker, so its two queries, the
 * 79-entry answer's schema check and `JSON.stringify` leave the main thread, which keeps the audit append.
 * With the roster version it was read under, so the caller may keep the answer while that version holds.
 */
export async function caseloadRead(
  db: Db,
  { clinicId, userId }: CaseloadReadInput,
): Promise<{ json: string; patientIds: string[]; version: number }> {
  // The roster version first, in the same read transaction as the rows (caseload-cache.ts): rows read after it
  // are at least as new as it, so an answer is never kept under a version later than its rows. (On PostgreSQL
  // each statement of a read-committed transaction sees its own snapshot: only this order is safe there.)
  const version = await repo.caseloadVersionOf(db, clinicId);
  const rows = await repo.caseloadOf(db, clinicId, userId);
  const teams = new Map<string, ReturnType<typeof toCareTeamMember>[]>();
  for (const m of await repo.careTeamsOfCaseload(db, clinicId, userId)) {
    const team = teams.get(m.patient_id);
    if (team) team.push(toCareTeamMember(m));
    else teams.set(m.patient_id, [toCareTeamMember(m)]);
  }
  const byId = new Map<string, CaseloadEntry>();
  for (const r of rows) {
    const seen = byId.get(r.id);
    if (seen) {
      seen.myRoles.push(r.role as CareTeamRole);
      continue;
    }
    byId.set(r.id, {
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      timeZone: r.time_zone,
      medicalRecordNumber: r.medical_record_number,
      myRoles: [r.role as CareTeamRole],
      careTeam: teams.get(r.id) ?? [],
      enrolledAt: r.created_at,
    });
  }
  const response: CaseloadResponse = { patients: [...byId.values()] };
  return {
    json: JSON.stringify(caseloadResponseSchema.encode(response)),
    patientIds: [...byId.keys()],
    version,
  };
}
