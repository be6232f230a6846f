import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { Answers } from '../../measures/scoring.js';
import type { AnswerOption, Instrument } from '../../measures/instruments.js';
import { idOfReference, instant, ref, type MappingContext } from './common.js';
import { answerCoding, difficultyLinkId, questionnaireUrl } from './questionnaire.js';

/** A stored questionnaire answer (questionnaire_responses), as the mappings read it. */
export interface ScoredAnswerInput {
  id: string;
  patientId: string;
  instrument: Instrument;
  answers: Answers;
  total: number | null;
  item9: number | null;
  /** 'patient' (the patient's own) or 'in_session' (entered by a clinician). */
  source: string;
  /** The clinician who entered it in session; null for the patient's own or an integration's (no Practitioner). */
  enteredBy: string | null;
  answeredAt: number;
  createdAt: number;
}

function answerOf(options: readonly AnswerOption[], value: number | null | undefined) {
  const option = options.find((o) => o.value === value);
  return option ? [{ valueCoding: answerCoding(option) }] : undefined;
}

/** A questionnaire answer as a QuestionnaireResponse: every item answered, in order; unanswered items empty. */
export function toQuestionnaireResponse(a: ScoredAnswerInput, ctx: MappingContext): QuestionnaireResponse {
  const items: QuestionnaireResponseItem[] = a.instrument.items.map((item, i) => {
    const answer = answerOf(a.instrument.options, a.answers.items[i]);
    return { linkId: item.linkId, text: item.text, ...(answer ? { answer } : {}) };
  });
  const functional = a.instrument.functionalItem;
  if (functional) {
    const answer = answerOf(functional.options, a.answers.functional);
    if (answer) items.push({ linkId: difficultyLinkId(a.instrument), text: functional.text, answer });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    meta: { versionId: '1', lastUpdated: instant(a.createdAt) },
    questionnaire: `${questionnaireUrl(ctx, a.instrument)}|${a.instrument.version}`,
    status: a.total === null ? 'in-progress' : 'completed',
    subject: ref('Patient', a.patientId),
    authored: instant(a.answeredAt),
    ...(a.source === 'patient'
      ? { author: ref('Patient', a.patientId) }
      : a.enteredBy !== null
        ? { author: ref('Practitioner', a.enteredBy) }
        : {}),
    source: ref('Patient', a.patientId),
    item: items,
  };
}

export type ResponseRead =
  | { ok: true; patientId: string; authored: string | null; answers: Answers }
  | { ok: false; path: string; message: string };

function valueOf(options: readonly AnswerOption[], item: QuestionnaireResponseItem | undefined) {
  const answer = item?.answer?.[0];
  if (!answer) return null;
  const coding = answer.valueCoding;
  const byCoding = coding
    ? options.find((o) => (o.loinc !== null && o.loinc === coding.code) || String(o.value) === coding.code)
    : undefined;
  if (byCoding) return byCoding.value;
  const int = answer.valueInteger;
  return options.some((o) => o.value === int) && int !== undefined ? int : undefined;
}

/**
 * The answers a QuestionnaireResponse carries for this instrument, by linkId (answer codings by LOINC answer
 * code, or the option's value as valueInteger). Names the first item it cannot read.
 */
export function fromQuestionnaireResponse(r: QuestionnaireResponse, instrument: Instrument): ResponseRead {
  const patientId = idOfReference(r.subject, 'Patient');
  if (!patientId)
    return { ok: false, path: 'QuestionnaireResponse.subject', message: 'Reference the Patient.' };
  const byLink = new Map((r.item ?? []).map((i) => [i.linkId, i]));
  const known = new Set([
    ...instrument.items.map((i) => i.linkId),
    difficultyLinkId(instrument),
    `${instrument.id}-stem`,
  ]);
  const strange = (r.item ?? []).findIndex((i) => !known.has(i.linkId));
  if (strange >= 0)
    return {
      ok: false,
      path: `QuestionnaireResponse.item[${String(strange)}].linkId`,
      message: `Not an item of ${instrument.name}.`,
    };
  const items: (number | null)[] = [];
  for (const [i, item] of instrument.items.entries()) {
    const v = valueOf(instrument.options, byLink.get(item.linkId));
    if (v === undefined) {
      const index = (r.item ?? []).findIndex((x) => x.linkId === item.linkId);
      return {
        ok: false,
        path: `QuestionnaireResponse.item[${String(index)}].answer[0]`,
        message: `Not an answer option of ${instrument.name} item ${String(i + 1)}.`,
      };
    }
    items.push(v);
  }
  const functional = instrument.functionalItem;
  const f = functional ? valueOf(functional.options, byLink.get(difficultyLinkId(instrument))) : null;
  if (f === undefined) {
    const index = (r.item ?? []).findIndex((x) => x.linkId === difficultyLinkId(instrument));
    return {
      ok: false,
      path: `QuestionnaireResponse.item[${String(index)}].answer[0]`,
      message: 'Not an answer option of the difficulty question.',
    };
  }
  return { ok: true, patientId, authored: r.authored ?? null, answers: { items, functional: f } };
}
