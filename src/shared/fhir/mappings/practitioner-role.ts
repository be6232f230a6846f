import type { PractitionerRole } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

export interface ClinicianRoleInput {
  /** The clinician's id: each clinician holds one role in their clinic, so the role's id is theirs. */
  id: string;
  clinicId: string;
  name: string;
  /** 'therapist' | 'prescriber' | 'care_manager' */
  role: string;
  active: boolean;
  version: number;
  updatedAt: number;
}

const roleWords: Record<string, string> = {
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  care_manager: 'Care manager',
};

/** A clinician's role in the clinic (therapist, prescriber or care manager), as text: Duet codes no specialty. */
export function toPractitionerRole(r: ClinicianRoleInput): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: r.id,
    meta: { versionId: String(r.version), lastUpdated: instant(r.updatedAt) },
    active: r.active,
    practitioner: ref('Practitioner', r.id, r.name),
    organization: ref('Organization', r.clinicId),
    code: [{ text: roleWords[r.role] ?? r.role }],
  };
}
