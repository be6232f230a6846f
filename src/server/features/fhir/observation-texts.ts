import type { ObservationInput, ObservationPart } from '../../../shared/fhir/mappings/observation.js';
import { observationJson } from './export/export-json.js';
import { WrittenResource } from './handler.js';

/**
 * The Observations' JSON text the search sent lately, by Observation id (issue 16: an EHR polls the same patients'
 * latest scores; writing 50 Observations per search was the largest part of its CPU after the SQL). A text is
 * reused only when every field it was written from is the same as in the row read now (an answer is never
 * updated, but nothing here relies on that), so a changed row is written afresh. Bounded: the oldest text
 * written is dropped first (~1 KB each, 4,096 at most: ~5 MB).
 */
export const OBSERVATION_TEXTS_KEPT = 4096;

interface Kept {
  from: ObservationInput;
  /** The text, and its Bundle entry's bytes once a search has sent it (bundle.ts). */
  resource: WrittenResource;
}
const kept = new Map<string, Kept>();

const sameInput = (a: ObservationInput, b: ObservationInput) =>
  a.id === b.id &&
  a.patientId === b.patientId &&
  a.instrument === b.instrument &&
  a.total === b.total &&
  a.item9 === b.item9 &&
  a.source === b.source &&
  a.enteredBy === b.enteredBy &&
  a.answeredAt === b.answeredAt &&
  a.createdAt === b.createdAt;

/** `observationJson(input, part)` (byte-equal to the mapping's `JSON.stringify`), reused when written before. */
export function observationText(id: string, input: ObservationInput, part: ObservationPart): string | null {
  return observationResource(id, input, part)?.json ?? null;
}

/** The Observation as a written resource for a search page, kept with its text (and entry bytes) when reused. */
export function observationResource(
  id: string,
  input: ObservationInput,
  part: ObservationPart,
): WrittenResource | null {
  const known = kept.get(id);
  if (known && sameInput(known.from, input)) return known.resource;
  const json = observationJson(input, part);
  if (json === null) return null;
  if (known) kept.delete(id);
  else if (kept.size >= OBSERVATION_TEXTS_KEPT) {
    const oldest = kept.keys().next();
    if (oldest.done !== true) kept.delete(oldest.value);
  }
  const resource = new WrittenResource('Observation', id, json);
  kept.set(id, { from: input, resource });
  return resource;
}

/** How many texts are kept (for the test of the bound). */
export const observationTextsKept = () => kept.size;
