import { createHash } from 'node:crypto';
import type { Identifier, QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordResponse } from '../measures/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { instrumentList, type Instrument, type InstrumentId } from '../../../shared/measures/instruments.js';
import type { Answers } from '../../../shared/measures/scoring.js';
import {
  fromQuestionnaireResponse,
  toQuestionnaireResponse,
  type ScoredAnswerInput,
} from '../../../shared/fhir/mappings/questionnaire-response.js';
import type { FhirContext } from './access.js';
import { FhirError } from './outcome.js';
import * as repo from './fhir.repository.js';

const clinicianRoles = ['therapist', 'prescriber', 'care_manager'];

const answersJson = z.object({
  items: z.array(z.number().nullable()),
  functional: z.number().nullable().optional(),
});

/** A write inside an open transaction, with the dependencies bound to it (transaction.deps.ts). */
export interface WriteContext extends FhirContext {
  trx: Db;
  /** The dependencies bound to `trx` (use cases run inside it; their audit names the client). */
  bound: AppDeps;
  /** The audit action of the write: `fhir.create`, or `fhir.transaction` for a Bundle's entry. */
  action: 'fhir.create' | 'fhir.transaction';
  /** Attempts on patients outside the client's limit, audited once the transaction has ended (`auditRefused`). */
  refused: RefusedWrite[];
}

export interface RefusedWrite {
  action: string;
  resourceType: string;
  patientId: string;
}

/**
 * A write on a patient outside the client's clinic or care-team limit: 404 exactly like an unknown id, and the
 * attempt is kept to be audited (against the patient when the id is a real patient of the clinic).
 */
export function unreachable(
  w: WriteContext,
  patientId: string,
  resourceType: string,
  path: string,
): FhirError {
  w.refused.push({ action: w.action, resourceType, patientId });
  return new FhirError(404, 'not-found', `Patient/${patientId} is not known.`, path);
}

/** Audits the refused attempts of a write, in the shared commit of audited reads, after its transaction. */
export async function auditRefused(ctx: FhirContext, refused: readonly RefusedWrite[]): Promise<void> {
  if (refused.length === 0) return;
  const { client } = ctx;
  const entries = [];
  for (const r of refused) {
    const known = await repo.patientInClinic(ctx.deps.database.db, client.clinicId, r.patientId);
    entries.push({
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.patientId,
      patientId: known ? r.patientId : null,
      outcome: 'denied' as const,
    });
  }
  await ctx.deps.audit.recordReads(client.clinicId, client.actor, entries);
}

export interface CreateResult {
  created: boolean;
  resource: Resource;
}

/** What names a created record for idempotency: the `If-None-Exist` condition, or the resource's identifier. */
export interface ClientKey {
  system?: string;
  value: string;
}

/**
 * The record id a client identifier stands for: the same client sending the same identifier (in the resource
 * or in `If-None-Exist: identifier=system|value`) always names the same record, so a retry records nothing
 * twice (the use cases return the first record for a known id). SHA-256 of client, system and value, laid out
 * as a UUID (version 8, RFC 9562 "custom").
 */
export function answerIdFor(clientId: string, identifier: ClientKey): string {
  const h = createHash('sha256')
    .update(`${clientId}\n${identifier.system ?? ''}\n${identifier.value}`)
    .digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `If-None-Exist: identifier=system|value` (the one condition Duet supports), or null when absent. */
export function conditionOf(header: string | undefined, where = 'If-None-Exist'): ClientKey | null {
  if (header === undefined) return null;
  const params = new URLSearchParams(header);
  const value = params.get('identifier');
  if ([...params.keys()].some((k) => k !== 'identifier') || value === null || value === '')
    throw new FhirError(
      400,
      'not-supported',
      'If-None-Exist supports identifier=<system>|<value> only.',
      where,
    );
  const bar = value.lastIndexOf('|');
  return bar < 0 ? { value } : { system: value.slice(0, bar), value: value.slice(bar + 1) };
}

/** The key of a write: the condition when given, else the resource's first identifier with a value. */
export function keyOf(condition: ClientKey | null, identifier: Identifier | undefined): ClientKey | null {
  if (condition) return condition;
  return identifier?.value
    ? { ...(identifier.system ? { system: identifier.system } : {}), value: identifier.value }
    : null;
}

/**
 * Reads a resource with a pure inbound mapping. A body that does not follow the FHIR JSON structure (an array
 * where an object belongs, a number for a list) makes the mapping trip over it: that is the client's mistake,
 * answered 400 `structure` naming the type, never a 500.
 */
export function readResource<T>(type: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TypeError)
      throw new FhirError(400, 'structure', `The ${type} does not follow the FHIR R4 JSON structure.`, type);
    throw err;
  }
}

/** The resource type a body claims, or a 400 naming `resourceType`. */
export function bodyOf<T extends Resource>(body: unknown, type: T['resourceType']): T {
  const kind: unknown =
    typeof body === 'object' && body !== null ? (body as { resourceType?: unknown }).resourceType : null;
  if (kind !== type) throw new FhirError(400, 'invalid', `Send a ${type}.`, `${type}.resourceType`);
  return body as T;
}

export interface AnswerToRecord {
  id: string;
  patientId: string;
  instrument: Instrument;
  answers: Answers;
  /** The time answered as sent (a dateTime), or null for now. */
  authored: string | null;
  /** FHIRPath of the elements at fault, for this resource type. */
  paths: { subject: string; authored: string; item: (index: number) => string; resource: string };
}

/** A measures refusal (a path like body.answers.items.3) as the element of the resource at fault. */
function asFhir(err: unknown, paths: AnswerToRecord['paths']): unknown {
  if (!(err instanceof AppError) || err.code !== 'validation_failed') return err;
  const detail = Array.isArray(err.details)
    ? (err.details[0] as { path?: string; message?: string } | undefined)
    : undefined;
  const path = detail?.path ?? '';
  const item = /^body\.answers\.items\.(\d+)/.exec(path);
  const expression = item
    ? paths.item(Number(item[1]))
    : path.startsWith('body.answeredAt') || path.startsWith('body.backdateReason')
      ? paths.authored
      : paths.resource;
  return new FhirError(422, 'invalid', detail?.message ?? err.message, expression);
}

/**
 * Records a PHQ-9 or GAD-7 answer through the measures feature's own use case (`recordResponse`, the body of
 * the patient's submit): scored, interpreted, and an item 9 above 0 emits the self-harm event in the same
 * transaction, so the urgent alert is raised exactly as for the patient's own answer. A patient outside the
 * client's limit is 404. Audited against the patient with the client as actor.
 */
export async function recordAnswer(w: WriteContext, a: AnswerToRecord): Promise<{ created: boolean }> {
  const { client } = w;
  const authored = a.authored === null ? undefined : Date.parse(a.authored);
  if (authored !== undefined && (Number.isNaN(authored) || !/T.*(Z|[+-]\d\d:\d\d)$/.test(a.authored ?? '')))
    throw new FhirError(
      422,
      'invalid',
      'Give the time answered as a dateTime with a time zone.',
      a.paths.authored,
    );
  const patient = await repo.reachablePatient(w.trx, client.clinicId, client.teamMemberIds, a.patientId);
  if (!patient) throw unreachable(w, a.patientId, a.paths.resource, a.paths.subject);
  let result;
  try {
    result = await recordResponse(
      w.bound,
      w.trx,
      client.enteredBy,
      a.patientId,
      {
        id: a.id,
        instrument: a.instrument.id as InstrumentId,
        answers: {
          items: a.answers.items.map((v) => v ?? null),
          functional: a.answers.functional ?? null,
        },
        ...(authored === undefined
          ? {}
          : {
              answeredAt: authored,
              backdateReason: 'Recorded by the clinic’s integration (FHIR API) at the time it gives.',
            }),
      },
      { imported: true },
    );
  } catch (err) {
    throw asFhir(err, a.paths);
  }
  await w.deps.audit.record(w.trx, client.clinicId, client.actor, {
    action: w.action,
    resourceType: a.paths.resource,
    resourceId: a.id,
    patientId: a.patientId,
    outcome: 'allowed',
  });
  return { created: result.created };
}

/** The stored answer as the mappings read it (inside the write's transaction). */
export async function storedAnswer(w: WriteContext, id: string): Promise<ScoredAnswerInput> {
  const row = await repo.answerById(w.trx, w.client.clinicId, id);
  const instrument = instrumentList.find((i) => i.id === row?.instrument);
  if (!row || !instrument) throw new Error('answer vanished inside its transaction');
  return {
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
  };
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

/**
 * Creates a PHQ-9 or GAD-7 answer from a QuestionnaireResponse (inside the write's transaction): scored and
 * run through the same safety path as the patient's own answer (`recordAnswer`).
 */
export async function writeQuestionnaireResponse(
  w: WriteContext,
  body: unknown,
  condition: ClientKey | null,
): Promise<CreateResult> {
  const r = bodyOf<QuestionnaireResponse>(body, 'QuestionnaireResponse');
  if (r.status !== 'completed' && r.status !== 'in-progress')
    throw new FhirError(
      422,
      'invalid',
      'status must be completed or in-progress.',
      'QuestionnaireResponse.status',
    );
  const instrument = readResource('QuestionnaireResponse', () => instrumentOf(r));
  const read = readResource('QuestionnaireResponse', () => fromQuestionnaireResponse(r, instrument));
  if (!read.ok) throw new FhirError(422, 'invalid', read.message, read.path);
  const key = keyOf(condition, r.identifier);
  const id = key ? answerIdFor(w.client.clientId, key) : newId();
  const { created } = await recordAnswer(w, {
    id,
    patientId: read.patientId,
    instrument,
    answers: read.answers,
    authored: read.authored,
    paths: {
      subject: 'QuestionnaireResponse.subject',
      authored: 'QuestionnaireResponse.authored',
      item: (i) => `QuestionnaireResponse.item[${String(i)}]`,
      resource: 'QuestionnaireResponse',
    },
  });
  return { created, resource: toQuestionnaireResponse(await storedAnswer(w, id), w) };
}
