import { createHash } from 'node:crypto';
import type { Identifier, QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import { recordResponse } from '../measures/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { instrumentList, type InstrumentId } from '../../../shared/measures/instruments.js';
import {
  fromQuestionnaireResponse,
  toQuestionnaireResponse,
} from '../../../shared/fhir/mappings/questionnaire-response.js';
import type { FhirContext } from './access.js';
import { FhirError } from './outcome.js';
import * as repo from './fhir.repository.js';

const clinicianRoles = ['therapist', 'prescriber', 'care_manager'];
import { z } from 'zod';

const answersJson = z.object({
  items: z.array(z.number().nullable()),
  functional: z.number().nullable().optional(),
});

/**
 * The answer id a client identifier stands for: the same client sending the same identifier (in the resource
 * or in `If-None-Exist: identifier=system|value`) always names the same answer, so a retry records nothing
 * twice (the measures use case returns the first answer for a known id). SHA-256 of client, system and value,
 * laid out as a UUID (version 8, RFC 9562 "custom").
 */
export function answerIdFor(clientId: string, identifier: { system?: string; value: string }): string {
  const h = createHash('sha256')
    .update(`${clientId}\n${identifier.system ?? ''}\n${identifier.value}`)
    .digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `If-None-Exist: identifier=system|value` (the one condition Duet supports), or null when absent. */
export function conditionOf(header: string | undefined): { system?: string; value: string } | null {
  if (header === undefined) return null;
  const params = new URLSearchParams(header);
  const value = params.get('identifier');
  if ([...params.keys()].some((k) => k !== 'identifier') || value === null || value === '')
    throw new FhirError(
      400,
      'not-supported',
      'If-None-Exist supports identifier=<system>|<value> only.',
      'If-None-Exist',
    );
  const bar = value.lastIndexOf('|');
  return bar < 0 ? { value } : { system: value.slice(0, bar), value: value.slice(bar + 1) };
}

function instrumentOf(r: QuestionnaireResponse) {
  const canonical = r.questionnaire ?? '';
  const [url = '', version] = canonical.split('|');
  const id = url.split('/').at(-1) ?? '';
  const instrument = instrumentList.find((i) => i.id === id);
  if (!instrument || !/(^|\/)Questionnaire\/[a-z0-9]+$/.test(url))
    throw new FhirError(
      422,
      'invalid',
      'questionnaire must be Questionnaire/phq9 or Questionnaire/gad7 (or its canonical URL).',
      'QuestionnaireResponse.questionnaire',
    );
  if (version !== undefined && version !== instrument.version)
    throw new FhirError(
      422,
      'invalid',
      `Duet serves ${instrument.name} version ${instrument.version}.`,
      'QuestionnaireResponse.questionnaire',
    );
  return instrument;
}

/** A measures refusal (a path like body.answers.items.3) as the element of the resource at fault. */
function asFhir(err: unknown): unknown {
  if (!(err instanceof AppError) || err.code !== 'validation_failed') return err;
  const detail = Array.isArray(err.details)
    ? (err.details[0] as { path?: string; message?: string } | undefined)
    : undefined;
  const path = detail?.path ?? '';
  const item = /^body\.answers\.items\.(\d+)/.exec(path);
  const expression = item
    ? `QuestionnaireResponse.item[${item[1] ?? ''}]`
    : path.startsWith('body.answeredAt') || path.startsWith('body.backdateReason')
      ? 'QuestionnaireResponse.authored'
      : 'QuestionnaireResponse';
  return new FhirError(422, 'invalid', detail?.message ?? err.message, expression);
}

export interface CreateResult {
  created: boolean;
  resource: Resource;
}

/**
 * Creates a PHQ-9 or GAD-7 answer from a QuestionnaireResponse: scored and run through the measures use case
 * (the same safety path as the patient's own answer: an item 9 above 0 emits the self-harm event in the same
 * transaction, and the urgent alert follows), audited against the patient with the client as actor.
 */
export async function createQuestionnaireResponse(
  ctx: FhirContext,
  body: unknown,
  ifNoneExist: string | undefined,
): Promise<CreateResult> {
  const kind: unknown =
    typeof body === 'object' && body !== null ? (body as { resourceType?: unknown }).resourceType : null;
  if (kind !== 'QuestionnaireResponse')
    throw new FhirError(
      400,
      'invalid',
      'Send a QuestionnaireResponse.',
      'QuestionnaireResponse.resourceType',
    );
  const r = body as QuestionnaireResponse;
  if (r.status !== 'completed' && r.status !== 'in-progress')
    throw new FhirError(
      422,
      'invalid',
      'status must be completed or in-progress.',
      'QuestionnaireResponse.status',
    );
  const instrument = instrumentOf(r);
  const read = fromQuestionnaireResponse(r, instrument);
  if (!read.ok) throw new FhirError(422, 'invalid', read.message, read.path);
  const authored = read.authored === null ? undefined : Date.parse(read.authored);
  if (authored !== undefined && Number.isNaN(authored))
    throw new FhirError(
      422,
      'invalid',
      'authored must be a dateTime with a time zone.',
      'QuestionnaireResponse.authored',
    );
  const condition = conditionOf(ifNoneExist);
  const identifier: Identifier | undefined = r.identifier;
  const key =
    condition ??
    (identifier?.value
      ? { ...(identifier.system ? { system: identifier.system } : {}), value: identifier.value }
      : null);
  const id = key ? answerIdFor(ctx.client.clientId, key) : newId();
  const { deps, client } = ctx;
  return deps.database.transaction(async (trx) => {
    const patient = await repo.reachablePatient(trx, client.clinicId, client.teamMemberIds, read.patientId);
    if (!patient)
      throw new FhirError(
        404,
        'not-found',
        `Patient/${read.patientId} is not known.`,
        'QuestionnaireResponse.subject',
      );
    let result;
    try {
      result = await recordResponse(deps, trx, client.enteredBy, read.patientId, {
        id,
        instrument: instrument.id as InstrumentId,
        answers: {
          items: read.answers.items.map((v) => v ?? null),
          functional: read.answers.functional ?? null,
        },
        ...(authored === undefined
          ? {}
          : {
              answeredAt: authored,
              backdateReason: 'Recorded by the clinic’s integration (FHIR API) at the time it gives.',
            }),
      });
    } catch (err) {
      throw asFhir(err);
    }
    await deps.audit.record(trx, client.clinicId, client.actor, {
      action: 'fhir.create',
      resourceType: 'QuestionnaireResponse',
      resourceId: id,
      patientId: read.patientId,
      outcome: 'allowed',
    });
    const row = await repo.answerById(trx, client.clinicId, id);
    if (!row) throw new Error('answer vanished inside its transaction');
    const resource = toQuestionnaireResponse(
      {
        id: row.id,
        patientId: row.patient_id,
        instrument,
        answers: answersJson.parse(JSON.parse(row.answers)),
        total: row.total,
        item9: row.item9,
        source: row.source,
        enteredBy: clinicianRoles.includes(row.entered_role ?? '') ? row.entered_by : null,
        answeredAt: row.answered_at,
        createdAt: row.created_at,
      },
      ctx,
    );
    return { created: result.created, resource };
  });
}
