import type { MedicationRequest } from '@medplum/fhirtypes';
import { idOfReference } from '../../../shared/fhir/mappings/common.js';
import { toPractitioner } from '../../../shared/fhir/mappings/practitioner.js';
import type { FhirContext } from './access.js';
import { requireScope } from './fhir-client.js';
import type { SearchPage } from './handler.js';
import { FhirError } from './outcome.js';
import * as repo from './fhir.repository.js';

/** The `_include` values Duet answers (US Core MedicationRequest: the prescriber). */
const REQUESTER = ['MedicationRequest:requester', 'MedicationRequest:requester:Practitioner'];

export const medicationRequestIncludes = ['MedicationRequest:requester'] as const;

/**
 * Whether the search asks `_include=MedicationRequest:requester`, checked before anything is read: another
 * `_include` is a 400 naming it (never ignored); the token needs `system/Practitioner.r` (else 403).
 */
export function includesRequesters(
  ctx: FhirContext,
  params: ReadonlyMap<string, readonly string[]>,
): boolean {
  const asked = params.get('_include');
  if (asked === undefined) return false;
  const unknown = asked.find((v) => !REQUESTER.includes(v));
  if (unknown !== undefined)
    throw new FhirError(400, 'not-supported', `_include=${unknown} is not supported here.`, '_include');
  requireScope(ctx.client, 'Practitioner', 'r');
  return true;
}

/**
 * The prescribers of the page's MedicationRequests, once each, as `include` entries. Practitioners hold no
 * patient data: the search's own audit stands.
 */
export async function withRequesters(ctx: FhirContext, page: SearchPage): Promise<SearchPage> {
  const ids = [
    ...new Set(
      page.resources
        .map((r) => idOfReference((r as MedicationRequest).requester, 'Practitioner'))
        .filter((id) => id !== null),
    ),
  ];
  const found = await Promise.all(
    ids.map((id) => repo.clinicianById(ctx.deps.database.db, ctx.client.clinicId, id)),
  );
  const included = found
    .filter((u) => u !== undefined)
    .map((u) =>
      toPractitioner({
        id: u.id,
        name: u.name,
        active: u.status === 'active',
        version: u.version,
        updatedAt: u.updated_at,
      }),
    );
  return { ...page, included };
}
