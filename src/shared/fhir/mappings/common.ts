import type { Meta, Reference } from '@medplum/fhirtypes';

/** Code systems named by their canonical URIs (hl7.org/fhir/R4/terminologies-systems.html). */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** RFC 3986 URIs as identifiers: Duet's own ids as `urn:uuid:` values, meaningful in any system. */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';

/** What every mapping needs to know about where it is served: the FHIR base URL (…/fhir/R4). */
export interface MappingContext {
  base: string;
}

/** A `Type/id` reference, assignable to any reference element (its target type is not narrowed here). */
export const ref = (type: string, id: string, display?: string): Reference<never> =>
  display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };

/** The id of a `Type/id` reference of this type, or null. */
export function idOfReference(reference: Reference | undefined, type: string): string | null {
  const text = reference?.reference;
  if (text === undefined) return null;
  const match = /^(?:.*\/)?([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(text);
  return match?.[1] === type && match[2] !== undefined ? match[2] : null;
}

export const instant = (ms: number): string => new Date(ms).toISOString();

export const meta = (version: number, updatedAt: number, profile?: string): Meta => ({
  versionId: String(version),
  lastUpdated: instant(updatedAt),
  ...(profile ? { profile: [profile] } : {}),
});
