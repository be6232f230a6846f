import type { Organization } from '@medplum/fhirtypes';
import { instant } from './common.js';

export interface ClinicInput {
  id: string;
  name: string;
  createdAt: number;
}

/** The clinic (Duet's tenant) as an Organization. */
export function toOrganization(c: ClinicInput): Organization {
  return {
    resourceType: 'Organization',
    id: c.id,
    meta: { versionId: '1', lastUpdated: instant(c.createdAt) },
    active: true,
    name: c.name,
  };
}
