import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { instant, OBSERVATION_CATEGORY } from '../../../../shared/fhir/mappings/common.js';
import {
  observationId,
  toObservationPart,
  US_CORE_SCREENING,
  type ObservationInput,
  type ObservationPart,
} from '../../../../shared/fhir/mappings/observation.js';

/**
 * `JSON.stringify` of a QuestionnaireResponse, byte for byte (export-json.test.ts), made cheaper for the bulk
 * export: the items (their question text and coded answer) are most of the bytes and repeat from one answer to
 * the next, so each item's JSON is made once per questionnaire, linkId and answer code and reused.
 */
const itemJson = new Map<string, string>();
/** The distinct items are few (instruments x items x options); past this, nothing more is kept. */
const MAX_KEPT = 10_000;

function oneItem(questionnaire: string, item: QuestionnaireResponseItem): string {
  const answers = item.answer ?? [];
  const coding = answers[0]?.valueCoding;
  // Only the shape the mapping writes (no nested items, at most one coded answer) is kept; anything else is
  // serialised as it is.
  const simple =
    item.item === undefined &&
    answers.length <= 1 &&
    (answers.length === 0 || (coding !== undefined && Object.keys(answers[0] ?? {}).length === 1));
  if (!simple) return JSON.stringify(item);
  const key = `${questionnaire}\u0000${item.linkId}\u0000${coding?.system ?? ''}\u0000${coding?.code ?? ''}\u0000${String(answers.length)}`;
  const known = itemJson.get(key);
  if (known !== undefined) return known;
  const json = JSON.stringify(item);
  if (itemJson.size < MAX_KEPT) itemJson.set(key, json);
  return json;
}

export function questionnaireResponseJson(r: QuestionnaireResponse): string {
  const keys = Object.keys(r);
  if (r.item === undefined || keys.at(-1) !== 'item' || r.questionnaire === undefined)
    return JSON.stringify(r);
  const { item, ...rest } = r;
  const head = JSON.stringify(rest);
  const questionnaire = r.questionnaire;
  return `${head.slice(0, -1)},"item":[${item.map((i) => oneItem(questionnaire, i)).join(',')}]}`;
}

/**
 * `JSON.stringify(toObservationPart(a, part))`, byte for byte (export-json.test.ts), without building the object:
 * the export writes two Observations for most answers (issue 16: the objects and their collection were a third of
 * the export's time). The part after `derivedFrom` (code and value) depends only on the instrument, the part
 * and the value, so it is taken from the mapping itself once per combination and reused.
 */
const observationTail = new Map<string, string>();
const OBSERVATION_HEAD = '{"resourceType":"Observation","id":';
const META_HEAD = `,"meta":{"versionId":"1","lastUpdated":"`;
const META_TAIL = `","profile":${JSON.stringify([US_CORE_SCREENING])}},"status":"final","category":${JSON.stringify([{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }])},"subject":`;

function tailOf(a: ObservationInput, part: ObservationPart, value: number): string | null {
  const key = `${a.instrument.id}\u0000${part}\u0000${String(value)}`;
  const known = observationTail.get(key);
  if (known !== undefined) return known;
  const sample = toObservationPart(a, part);
  if (!sample) return null;
  const json = JSON.stringify(sample);
  const from = json.indexOf('],"code":', json.lastIndexOf('"derivedFrom":'));
  if (from < 0) return null;
  const tail = json.slice(from);
  if (observationTail.size < MAX_KEPT) observationTail.set(key, tail);
  return tail;
}

export function observationJson(a: ObservationInput, part: ObservationPart): string | null {
  const value = part === 'total' ? a.total : a.item9;
  if (value === null) return null;
  const tail = tailOf(a, part, value);
  if (tail === null) return null;
  const performer =
    a.source === 'patient'
      ? `,"performer":[{"reference":${JSON.stringify(`Patient/${a.patientId}`)}}]`
      : a.enteredBy !== null
        ? `,"performer":[{"reference":${JSON.stringify(`Practitioner/${a.enteredBy}`)}}]`
        : '';
  return `${OBSERVATION_HEAD}${JSON.stringify(observationId(a.id, part))}${META_HEAD}${instant(a.createdAt)}${META_TAIL}{"reference":${JSON.stringify(`Patient/${a.patientId}`)}},"effectiveDateTime":"${instant(a.answeredAt)}"${performer},"derivedFrom":[{"reference":${JSON.stringify(`QuestionnaireResponse/${a.id}`)}}${tail}`;
}
