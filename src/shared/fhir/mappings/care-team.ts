import type { CareTeam } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

export interface CareTeamInput {
  patientId: string;
  clinicId: string;
  /** Duet's care-team version (raised by every team change). */
  version: number;
  updatedAt: number;
  members: readonly { userId: string; name: string; role: string }[];
}

const roleWords: Record<string, string> = {
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  care_manager: 'Care manager',
};

/** Each patient has one care team in Duet; its FHIR id is the patient's id. */
export function toCareTeam(t: CareTeamInput): CareTeam {
  return {
    resourceType: 'CareTeam',
    id: t.patientId,
    meta: { versionId: String(t.version), lastUpdated: instant(t.updatedAt) },
    status: 'active',
    name: 'Care team',
    subject: ref('Patient', t.patientId),
    participant: t.members.map((m) => ({
      role: [{ text: roleWords[m.role] ?? m.role }],
      member: ref('Practitioner', m.userId, m.name),
    })),
    managingOrganization: [ref('Organization', t.clinicId)],
  };
}
