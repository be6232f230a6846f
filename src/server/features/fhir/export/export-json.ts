import type { AnswerOption, Instrument } from '../../../../shared/measures/instruments.js';
import {
  instant,
  OBSERVATION_CATEGORY,
  type MappingContext,
} from '../../../../shared/fhir/mappings/common.js';
import {
  answerCoding,
  difficultyLinkId,
  questionnaireUrl,
} from '../../../../shared/fhir/mappings/questionnaire.js';
import type { ScoredAnswerInput } from '../../../../shared/fhir/mappings/questionnaire-response.js';
import {
  observationId,
  toObservationPart,
  US_CORE_SCREENING,
  type ObservationInput,
  type ObservationPart,
} from '../../../../shared/fhir/mappings/observation.js';

/** The distinct texts kept (instruments x items x options, and the Observation tails) are few; past this, none. */
const MAX_KEPT = 10_000;

/**
 * Each item of an instrument as the mapping writes it, once: unanswered (`none`), and answered with each option
 * (by value, the first option of a value as `answerOf` finds it); the difficulty item by its options' values.
 */
interface ItemTexts {
  items: { none: string; byValue: Map<number, string> }[];
  functional: Map<number, string> | null;
  /** The `questionnaire` canonical (with its version) as JSON text, per FHIR base. */
  questionnaire: Map<string, string>;
}
const itemTexts = new WeakMap<Instrument, ItemTexts>();

function answeredItems(linkId: string, text: string, options: readonly AnswerOption[]) {
  const byValue = new Map<number, string>();
  for (const option of options)
    if (!byValue.has(option.value))
      byValue.set(
        option.value,
        JSON.stringify({ linkId, text, answer: [{ valueCoding: answerCoding(option) }] }),
      );
  return byValue;
}

function textsOf(instrument: Instrument): ItemTexts {
  const known = itemTexts.get(instrument);
  if (known) return known;
  const functional = instrument.functionalItem;
  const texts: ItemTexts = {
    items: instrument.items.map((item) => ({
      none: JSON.stringify({ linkId: item.linkId, text: item.text }),
      byValue: answeredItems(item.linkId, item.text, instrument.options),
    })),
    functional: functional
      ? answeredItems(difficultyLinkId(instrument), functional.text, functional.options)
      : null,
    questionnaire: new Map(),
  };
  itemTexts.set(instrument, texts);
  return texts;
}

const answeredWith = (byValue: Map<number, string>, value: number | null | undefined) =>
  typeof value === 'number' ? byValue.get(value) : undefined;

const reference = (type: string, id: string) => `{"reference":${JSON.stringify(`${type}/${id}`)}}`;

/**
 * `JSON.stringify(toQuestionnaireResponse(a, ctx))`, byte for byte (export-json.test.ts, fast-check), without
 * building the resource: the bulk export writes one per stored answer (issue 16: building and collecting the
 * objects was a third of its time). The items (question text and coded answer) are most of the bytes and
 * repeat from one answer to the next: each item's text is made once per instrument, item and option.
 */
export function questionnaireResponseText(a: ScoredAnswerInput, ctx: MappingContext): string {
  const texts = textsOf(a.instrument);
  let questionnaire = texts.questionnaire.get(ctx.base);
  if (questionnaire === undefined) {
    questionnaire = JSON.stringify(`${questionnaireUrl(ctx, a.instrument)}|${a.instrument.version}`);
    if (texts.questionnaire.size < 16) texts.questionnaire.set(ctx.base, questionnaire);
  }
  let items = '';
  for (let i = 0; i < texts.items.length; i++) {
    const item = texts.items[i];
    if (!item) continue;
    items += `${i === 0 ? '' : ','}${answeredWith(item.byValue, a.answers.items[i]) ?? item.none}`;
  }
  const functional = texts.functional ? answeredWith(texts.functional, a.answers.functional) : undefined;
  if (functional !== undefined) items += items === '' ? functional : `,${functional}`;
  const patient = reference('Patient', a.patientId);
  const author =
    a.source === 'patient'
      ? `,"author":${patient}`
      : a.enteredBy !== null
        ? `,"author":${reference('Practitioner', a.enteredBy)}`
        : '';
  return `{"resourceType":"QuestionnaireResponse","id":${JSON.stringify(a.id)},"meta":{"versionId":"1","lastUpdated":"${instant(a.createdAt)}"},"questionnaire":${questionnaire},"status":"${a.total === null ? 'in-progress' : 'completed'}","subject":${patient},"authored":"${instant(a.answeredAt)}"${author},"source":${patient},"item":[${items}]}`;
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
