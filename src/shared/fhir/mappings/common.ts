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

const DAY_MS = 86_400_000;
/** Instants in years 0000-9999 (toISOString writes six-digit years outside them). */
const LAST_PLAIN_MS = 253_402_300_800_000;
const two = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const three = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
let cachedDay = Number.NaN;
let cachedDayText = '';

/**
 * An instant (epoch ms) as FHIR `instant` text, exactly `new Date(ms).toISOString()` (instant.test.ts), without a
 * Date per call: the bulk export writes two or three per resource (issue 16). The day's text is kept from the
 * previous call (rows come in time order); anything unusual goes through Date as before.
 */
export function instant(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= LAST_PLAIN_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const inDay = ms - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  return `${cachedDayText}${two[Math.floor(seconds / 3600)] ?? ''}:${two[Math.floor(seconds / 60) % 60] ?? ''}:${two[seconds % 60] ?? ''}.${three[inDay % 1000] ?? ''}Z`;
}

export const meta = (version: number, updatedAt: number, profile?: string): Meta => ({
  versionId: String(version),
  lastUpdated: instant(updatedAt),
  ...(profile ? { profile: [profile] } : {}),
});
