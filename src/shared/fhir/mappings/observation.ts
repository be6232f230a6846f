import type { Observation } from '@medplum/fhirtypes';
import { LOINC, OBSERVATION_CATEGORY, UCUM, instant, ref } from './common.js';
import { answerCoding } from './questionnaire.js';
import type { ScoredAnswerInput } from './questionnaire-response.js';

/**
 * Scores as Observations, following US Core 6.1 "Observation Screening Assessment"
 * (StructureDefinition-us-core-observation-screening-assessment): category `survey`, LOINC code, subject,
 * effectiveDateTime, a value, `derivedFrom` the QuestionnaireResponse. Codes from ../shared/clinical/
 * instruments.md: PHQ-9 total 44261-6, GAD-7 total 70274-6 (each instrument's `totalLoinc`), PHQ-9 item 9 44260-8.
 */
export const US_CORE_SCREENING =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment';

/** instruments.md, PHQ-9 item 9 ("Thoughts that you would be better off dead or of hurting yourself…"). */
export const PHQ9_ITEM9_LOINC = '44260-8';

/** One answer gives up to two Observations: its total, and PHQ-9 item 9 when answered. */
export type ObservationPart = 'total' | 'item9';
export const observationParts: readonly ObservationPart[] = ['total', 'item9'];

export const observationId = (responseId: string, part: ObservationPart) => `${responseId}-${part}`;

/** The answer id and part an Observation id names, or null for an id Duet never made. */
export function parseObservationId(id: string): { responseId: string; part: ObservationPart } | null {
  const match = /^([0-9a-f-]{36})-(total|item9)$/.exec(id);
  if (!match?.[1] || !match[2]) return null;
  return { responseId: match[1], part: match[2] as ObservationPart };
}

/** The LOINC code of each part, for the `code` search parameter. */
export function codeOfPart(a: Pick<ScoredAnswerInput, 'instrument'>, part: ObservationPart): string {
  return part === 'total' ? a.instrument.totalLoinc : PHQ9_ITEM9_LOINC;
}

/** What an Observation is built from: the scored answer without its item answers (the search never parses them). */
export type ObservationInput = Omit<ScoredAnswerInput, 'answers'>;

const performerOf = (a: ObservationInput) =>
  a.source === 'patient'
    ? [ref('Patient', a.patientId)]
    : a.enteredBy !== null
      ? [ref('Practitioner', a.enteredBy)]
      : undefined;

/**
 * One part of an answer as an Observation, or null when the answer has no such part (no total; item 9 not
 * answered). Built as one object literal per resource (the search maps 50 per request, the export millions:
 * issue 16); the keys keep the order the resources always had.
 */
export function toObservationPart(a: ObservationInput, part: ObservationPart): Observation | null {
  const value = part === 'total' ? a.total : a.item9;
  if (value === null) return null;
  const obs: Omit<Observation, 'code'> & Partial<Pick<Observation, 'code'>> = {
    resourceType: 'Observation',
    id: observationId(a.id, part),
    meta: { versionId: '1', lastUpdated: instant(a.createdAt), profile: [US_CORE_SCREENING] },
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    subject: ref('Patient', a.patientId),
    effectiveDateTime: instant(a.answeredAt),
  };
  const performer = performerOf(a);
  if (performer) obs.performer = performer;
  obs.derivedFrom = [ref('QuestionnaireResponse', a.id)];
  if (part === 'total') {
    obs.code = {
      coding: [{ system: LOINC, code: a.instrument.totalLoinc }],
      text: `${a.instrument.name} total score`,
    };
    obs.valueQuantity = { value, unit: '{score}', system: UCUM, code: '{score}' };
    return obs as Observation;
  }
  obs.code = { coding: [{ system: LOINC, code: PHQ9_ITEM9_LOINC }], text: `${a.instrument.name} item 9` };
  const option = a.instrument.options.find((o) => o.value === value);
  if (option) obs.valueCodeableConcept = { coding: [answerCoding(option)], text: option.label };
  else obs.dataAbsentReason = { text: 'Answer not among the options' };
  return obs as Observation;
}

/** The Observations of one answer: the total when there is one, item 9 when answered (PHQ-9). */
export function toObservations(a: ObservationInput | ScoredAnswerInput): Observation[] {
  const out: Observation[] = [];
  for (const part of observationParts) {
    const obs = toObservationPart(a, part);
    if (obs) out.push(obs);
  }
  return out;
}
