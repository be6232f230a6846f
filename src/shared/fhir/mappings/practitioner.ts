import type { Practitioner } from '@medplum/fhirtypes';
import { instant } from './common.js';

export interface ClinicianInput {
  id: string;
  name: string;
  active: boolean;
  version: number;
  updatedAt: number;
}

/** A clinician's account as a Practitioner: the name only (Duet keeps one full name; no NPI or contact). */
export function toPractitioner(u: ClinicianInput): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: u.id,
    meta: { versionId: String(u.version), lastUpdated: instant(u.updatedAt) },
    active: u.active,
    name: [{ text: u.name }],
  };
}
