import {
  observationId,
  type ObservationInput,
  type ObservationPart,
} from '../../../shared/fhir/mappings/observation.js';
import { observationJson } from './export/export-json.js';
import { WrittenResource } from './handler.js';

/**
 * The Observations' JSON text the search sent lately, by the answer they come from (issue 16: an EHR polls the
 * same patients' latest scores; writing 50 Observations per search was the largest part of its CPU after the
 * SQL). One look-up per answer serves both its Observations (the total and the item-9 answer), so a search
 * neither builds each Observation's id to look it up nor looks up twice per PHQ-9. A text is reused only when
 * every field it was written from is the same as in the row read now (an answer is never updated, but nothing
 * here relies on that), so a changed row is written afresh. Bounded: the answer kept longest is dropped first
 * (4,096 answers at most, each up to two texts of ~1 KB and their entries' bytes: ~16 MB at worst).
 */
export const OBSERVATION_TEXTS_KEPT = 4096;

interface Kept {
  from: ObservationInput;
  /** Per part: the text, and its Bundle entry's bytes once a search has sent it (bundle.ts); null: no such part. */
  total?: WrittenResource | null;
  item9?: WrittenResource | null;
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

/**
 * The Observation as a written resource for a search page: its text is `observationJson(input, part)` (byte-equal
 * to the mapping's `JSON.stringify`), kept with its entry bytes and reused when written before.
 */
export function observationResource(input: ObservationInput, part: ObservationPart): WrittenResource | null {
  let known = kept.get(input.id);
  if (!known || !sameInput(known.from, input)) {
    if (known) kept.delete(input.id);
    else if (kept.size >= OBSERVATION_TEXTS_KEPT) {
      const oldest = kept.keys().next();
      if (oldest.done !== true) kept.delete(oldest.value);
    }
    known = { from: input };
    kept.set(input.id, known);
  }
  const written = known[part];
  if (written !== undefined) return written;
  const json = observationJson(input, part);
  const id = observationId(input.id, part);
  const resource = json === null ? null : new WrittenResource('Observation', id, json);
  known[part] = resource;
  return resource;
}

/** How many answers' texts are kept (for the test of the bound). */
export const observationTextsKept = () => kept.size;
