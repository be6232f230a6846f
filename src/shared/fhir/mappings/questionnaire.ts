import type { Coding, Questionnaire } from '@medplum/fhirtypes';
import type { AnswerOption, Instrument } from '../../measures/instruments.js';
import { LOINC, type MappingContext } from './common.js';

/**
 * PHQ-9 and GAD-7 as Questionnaires, from Duet's versioned instrument data (shared/measures/instruments.ts),
 * whose wording, options and LOINC codes are those of ../shared/clinical/instruments.md (panels 44249-1 and
 * 69737-5, item codes from loinc.org's panel listing). The unscored difficulty question is `<id>-difficulty`.
 */
export const difficultyLinkId = (instrument: Instrument) => `${instrument.id}-difficulty`;

export const questionnaireUrl = (ctx: MappingContext, instrument: Instrument) =>
  `${ctx.base}/Questionnaire/${instrument.id}`;

export function answerCoding(option: AnswerOption): Coding {
  return option.loinc
    ? { system: LOINC, code: option.loinc, display: option.label }
    : { code: String(option.value), display: option.label };
}

export function toQuestionnaire(instrument: Instrument, ctx: MappingContext): Questionnaire {
  const functional = instrument.functionalItem;
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    url: questionnaireUrl(ctx, instrument),
    version: instrument.version,
    name: instrument.name.replace(/[^A-Za-z0-9]/g, ''),
    title: instrument.title,
    status: 'active',
    subjectType: ['Patient'],
    code: [{ system: LOINC, code: instrument.panelLoinc, display: instrument.title }],
    copyright: instrument.attribution,
    item: [
      {
        linkId: `${instrument.id}-stem`,
        type: 'display',
        text: instrument.stem,
      },
      ...instrument.items.map((item) => ({
        linkId: item.linkId,
        type: 'choice' as const,
        text: item.text,
        code: [{ system: LOINC, code: item.loinc }],
        required: true,
        answerOption: instrument.options.map((o) => ({ valueCoding: answerCoding(o) })),
      })),
      ...(functional
        ? [
            {
              linkId: difficultyLinkId(instrument),
              type: 'choice' as const,
              text: functional.text,
              ...(functional.loinc ? { code: [{ system: LOINC, code: functional.loinc }] } : {}),
              required: false,
              answerOption: functional.options.map((o) => ({ valueCoding: answerCoding(o) })),
            },
          ]
        : []),
    ],
  };
}
