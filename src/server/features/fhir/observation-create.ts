import type { Observation } from '@medplum/fhirtypes';
import { newId } from '../../platform/ids.js';
import { fromObservationPanel } from '../../../shared/fhir/mappings/observation-in.js';
import { toObservations } from '../../../shared/fhir/mappings/observation.js';
import { FhirError } from './outcome.js';
import {
  answerIdFor,
  bodyOf,
  keyOf,
  readResource,
  recordAnswer,
  storedAnswer,
  type ClientKey,
  type CreateResult,
  type WriteContext,
} from './writes.service.js';

/**
 * Creates a PHQ-9 or GAD-7 answer from a panel Observation (one component per item; observation-in.ts): the
 * same use case and safety path as a QuestionnaireResponse (an item 9 above 0 raises the urgent alert). A
 * total alone is refused at `Observation.component`. Duet keeps the answer, not the panel: the created
 * resource answered is the total Observation it now serves (`<answer id>-total`, `derivedFrom` the
 * QuestionnaireResponse holding every item), readable at its Location.
 */
export async function writeObservation(
  w: WriteContext,
  body: unknown,
  condition: ClientKey | null,
): Promise<CreateResult> {
  const o = bodyOf<Observation>(body, 'Observation');
  const read = readResource('Observation', () => fromObservationPanel(o));
  if (!read.ok) throw new FhirError(422, 'invalid', read.message, read.path);
  const key = keyOf(condition, o.identifier?.[0]);
  const id = key ? answerIdFor(w.client.clientId, key) : newId();
  const itemPath = (i: number) => {
    const loinc = read.instrument.items[i]?.loinc ?? '';
    const at = (o.component ?? []).findIndex((c) => c.code.coding?.some((x) => x.code === loinc));
    return `Observation.component[${String(at)}]`;
  };
  const { created } = await recordAnswer(w, {
    id,
    patientId: read.patientId,
    instrument: read.instrument,
    answers: read.answers,
    authored: read.effective,
    paths: {
      subject: 'Observation.subject',
      authored: 'Observation.effectiveDateTime',
      item: itemPath,
      resource: 'Observation',
    },
  });
  const stored = await storedAnswer(w, id);
  const total = toObservations(stored).find((x) => x.id?.endsWith('-total'));
  if (!total) throw new Error('a complete panel has a total');
  return { created, resource: total };
}
