import type { Resource } from '@medplum/fhirtypes';
import type { Cursor } from '../../../shared/fhir/search.js';
import { auditReads, reachPatient, type FhirContext } from './access.js';
import type { SearchPage } from './handler.js';
import { FhirError, notFoundFhir } from './outcome.js';
import { idsOf, patientOf } from './params.js';

// What the patient-compartment types added for issue 16 (CarePlan … AuditEvent) share: reading one resource by
// id through its patient, and finding the one patient a search is about.

type Params = ReadonlyMap<string, readonly string[]>;

/**
 * A read by id: the owner is looked up in the clinic, the client must reach them (else 404, audited), the read
 * is audited against the patient. `load` answers undefined when the resource is not served (404).
 */
export async function readInPatient<R extends Resource>(
  ctx: FhirContext,
  type: string,
  id: string,
  ownerOf: (id: string) => Promise<string | null | undefined>,
  load: (patientId: string) => Promise<R | undefined>,
): Promise<R> {
  const patientId = await ownerOf(id);
  if (patientId === null || patientId === undefined) throw notFoundFhir(type, id);
  await reachPatient(ctx, patientId, { action: 'fhir.read', resourceType: type, resourceId: id });
  const found = await load(patientId);
  if (!found) throw notFoundFhir(type, id);
  await auditReads(ctx, [{ action: 'fhir.read', resourceType: type, resourceId: id, patientId }]);
  return found;
}

/**
 * The patient a search is about: `patient`/`subject`, or else the owner of the one `_id` searched. The client
 * must reach them (else 404, audited). null: an `_id` that names nothing (an empty result).
 */
export async function searchedPatient(
  ctx: FhirContext,
  params: Params,
  type: string,
  ownerOf: (id: string) => Promise<string | null | undefined>,
): Promise<string | null> {
  let patientId = patientOf(params, type);
  if (patientId === null) {
    const ids = idsOf(params);
    if (ids?.length !== 1 || ids[0] === undefined)
      throw new FhirError(
        400,
        'required',
        `Search ${type} by patient (patient=<id>) or by one _id.`,
        'patient',
      );
    patientId = (await ownerOf(ids[0])) ?? null;
    if (patientId === null) return null;
  }
  await reachPatient(ctx, patientId, { action: 'fhir.search', resourceType: type, resourceId: patientId });
  return patientId;
}

/** The search is audited once against its patient (what was sent is that patient's). */
export const auditSearch = (ctx: FhirContext, type: string, patientId: string) =>
  auditReads(ctx, [{ action: 'fhir.search', resourceType: type, resourceId: null, patientId }]);

/** A handful of resources (a plan's goals, allergies, sessions): a page is a slice, the cursor its offset. */
export function slicePage(all: readonly Resource[], count: number, cursor: Cursor | null): SearchPage {
  const from = cursor?.at ?? 0;
  return {
    total: all.length,
    resources: all.slice(from, from + count),
    next: from + count < all.length ? { at: from + count, id: '' } : null,
  };
}

export const emptyPage: SearchPage = { total: 0, resources: [], next: null };

/** A token parameter's codes (comma = or, repeated = and); undefined when not searched. */
export function codesOf(params: Params, name: string): string[][] | undefined {
  return params.get(name)?.map((v) => v.split(',').map((c) => c.slice(c.indexOf('|') + 1)));
}

/** Whether a resource's code passes every repetition of a token parameter. */
export const matchesAll = (codes: string[][] | undefined, code: string | undefined): boolean =>
  codes === undefined || (code !== undefined && codes.every((any) => any.includes(code)));
