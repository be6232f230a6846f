import type { Observation } from '@medplum/fhirtypes';
import { z } from 'zod';
import { findInstrument, instrumentList, type Instrument } from '../../../shared/measures/instruments.js';
import {
  observationParts,
  parseObservationId,
  PHQ9_ITEM9_LOINC,
  toObservationPart,
  type ObservationInput,
  type ObservationPart,
} from '../../../shared/fhir/mappings/observation.js';
import {
  toQuestionnaireResponse,
  type ScoredAnswerInput,
} from '../../../shared/fhir/mappings/questionnaire-response.js';
import { toQuestionnaire } from '../../../shared/fhir/mappings/questionnaire.js';
import { LOINC } from '../../../shared/fhir/mappings/common.js';
import { tokenCodes, type Cursor } from '../../../shared/fhir/search.js';
import { auditReads, reachPatient, type FhirContext } from './access.js';
import { type WrittenResource, type ResourceHandler, type SearchPage } from './handler.js';
import { observationResource } from './observation-texts.js';
import { notFoundFhir } from './outcome.js';
import { boundsOf, idsOf, requirePatient, sortOf } from './params.js';
import * as repo from './fhir.repository.js';

const clinicianRoles = ['therapist', 'prescriber', 'care_manager'];

const answersJson = z.object({
  items: z.array(z.number().nullable()),
  functional: z.number().nullable().optional(),
});

/** What an Observation needs of a row: no item answers (the search does not read them), the patient named. */
function toObservationInput(row: repo.ObservationRow, patientId: string): ObservationInput | null {
  const instrument = findInstrument(row.instrument);
  if (!instrument) return null;
  return {
    id: row.id,
    patientId,
    instrument,
    total: row.total,
    item9: row.item9,
    source: row.source,
    enteredBy: clinicianRoles.includes(row.entered_role ?? '') ? row.entered_by : null,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
  };
}

function toInput(row: repo.AnswerRow): ScoredAnswerInput | null {
  const input = toObservationInput(row, row.patient_id);
  return input ? { ...input, answers: answersJson.parse(JSON.parse(row.answers)) } : null;
}

/** An answer of a patient this client reaches, or 404 (audited when the patient is not reachable). */
async function reachableAnswer(ctx: FhirContext, responseId: string, type: string, id: string) {
  const row = await repo.answerById(ctx.deps.database.db, ctx.client.clinicId, responseId);
  if (!row) throw notFoundFhir(type, id);
  await reachPatient(ctx, row.patient_id, { action: 'fhir.read', resourceType: type, resourceId: id });
  const input = toInput(row);
  if (!input) throw notFoundFhir(type, id);
  return input;
}

const codeSets = () => {
  const totals = new Map(instrumentList.map((i) => [i.totalLoinc, i.id]));
  return { totals, item9: PHQ9_ITEM9_LOINC };
};

/** Which instruments' totals and item-9 answers the `code` parameter asks for (all without it). */
function codeFilter(values: readonly string[] | undefined) {
  const all = instrumentList.map((i) => i.id);
  const item9All = instrumentList.filter((i) => i.safetyItemLinkId !== null).map((i) => i.id);
  if (!values) return { totalOf: all, item9Of: item9All };
  const { totals, item9 } = codeSets();
  let totalOf = all;
  let item9Of = item9All;
  for (const codes of tokenCodes(values, LOINC)) {
    totalOf = totalOf.filter((id) => codes.some((c) => totals.get(c) === id));
    item9Of = codes.includes(item9) ? item9Of : [];
  }
  return { totalOf, item9Of };
}

const sorts = ['-date', 'date', '_lastUpdated', '-_lastUpdated'] as const;

export const observationHandler: ResourceHandler = {
  type: 'Observation',
  params: ['patient', 'subject', '_id', 'code', 'date', 'status', 'category', '_lastUpdated', '_sort'],
  async read(ctx, id) {
    const parsed = parseObservationId(id);
    if (!parsed) throw notFoundFhir('Observation', id);
    const input = await reachableAnswer(ctx, parsed.responseId, 'Observation', id);
    const found = toObservationPart(input, parsed.part);
    if (!found) throw notFoundFhir('Observation', id);
    await auditReads(ctx, [
      { action: 'fhir.read', resourceType: 'Observation', resourceId: id, patientId: input.patientId },
    ]);
    return found;
  },
  async search(ctx, params, count, cursor) {
    const ids = idsOf(params);
    if (ids !== null && !params.has('patient') && !params.has('subject')) return byIds(ctx, ids);
    const patientId = requirePatient(params, 'Observation');
    await reachPatient(ctx, patientId, {
      action: 'fhir.search',
      resourceType: 'Observation',
      resourceId: patientId,
    });
    const { totalOf, item9Of } = codeFilter(params.get('code'));
    const statusOk = params.get('status')?.every((v) => v.split(',').includes('final')) ?? true;
    const categoryOk =
      params
        .get('category')
        ?.every((v) => v.split(',').some((c) => c === 'survey' || c.endsWith('|survey'))) ?? true;
    const sort = sortOf(params, sorts, '-date');
    const date = boundsOf(params, 'date');
    const updated = boundsOf(params, '_lastUpdated');
    const search: repo.AnswerSearch = {
      clinicId: ctx.client.clinicId,
      patientId,
      kind: 'observations',
      totalOf: statusOk && categoryOk ? totalOf : [],
      item9Of: statusOk && categoryOk ? item9Of : [],
      complete: null,
      instruments: null,
      from: date.from,
      before: date.before,
      createdFrom: updated.from,
      createdBefore: updated.before,
      order: sort.startsWith('-') ? 'desc' : 'asc',
      sortBy: sort.endsWith('date') ? 'answered_at' : 'created_at',
      startAt: cursor,
      limit: count + 1,
    };
    const db = ctx.deps.database.db;
    const [total, rows] = await Promise.all([
      repo.countAnswerParts(db, search),
      repo.searchObservations(db, search),
    ]);
    const wanted = (input: ObservationInput, part: ObservationPart) =>
      (part === 'total' ? search.totalOf : search.item9Of).includes(input.instrument.id);
    const page = pageOfParts(rows, patientId, count, cursor, search.sortBy, wanted);
    await auditReads(ctx, [
      { action: 'fhir.search', resourceType: 'Observation', resourceId: null, patientId },
    ]);
    return { total, ...page };
  },
};

/**
 * Up to `count` Observations from rows in order, skipping the parts of the cursor's row already sent. Each is
 * written as JSON text straight from the row (`observationJson`, byte-equal to the mapping's `JSON.stringify`:
 * export-json.test.ts): a search sends 50 of them, so no objects are built only to be serialised (issue 16).
 */
function pageOfParts(
  rows: readonly repo.ObservationRow[],
  patientId: string,
  count: number,
  cursor: Cursor | null,
  sortBy: 'answered_at' | 'created_at',
  wanted: (input: ObservationInput, part: ObservationPart) => boolean,
): Omit<SearchPage, 'total'> {
  const resources: WrittenResource[] = [];
  for (const row of rows) {
    const input = toObservationInput(row, patientId);
    if (!input) continue;
    const at = sortBy === 'answered_at' ? row.answered_at : row.created_at;
    const skip = cursor && cursor.id === row.id && cursor.at === at ? (cursor.skip ?? 0) : 0;
    let i = 0;
    for (const part of observationParts) {
      if (!wanted(input, part)) continue;
      const resource = observationResource(input, part);
      if (resource === null) continue;
      if (i >= skip) {
        if (resources.length === count) return { resources, next: { at, id: row.id, skip: i } };
        resources.push(resource);
      }
      i++;
    }
  }
  return { resources, next: null };
}

async function byIds(ctx: FhirContext, ids: readonly string[]): Promise<SearchPage> {
  const resources: Observation[] = [];
  for (const id of ids.slice(0, 100)) {
    const parsed = parseObservationId(id);
    if (!parsed) continue;
    const row = await repo.answerById(ctx.deps.database.db, ctx.client.clinicId, parsed.responseId);
    if (!row) continue;
    const reachable = await repo.reachablePatient(
      ctx.deps.database.db,
      ctx.client.clinicId,
      ctx.client.teamMemberIds,
      row.patient_id,
    );
    const input = reachable ? toObservationInput(row, row.patient_id) : null;
    const found = input ? toObservationPart(input, parsed.part) : null;
    if (found) resources.push(found);
  }
  await auditReads(
    ctx,
    resources.map((r) => ({
      action: 'fhir.read',
      resourceType: 'Observation',
      resourceId: r.id ?? null,
      patientId: r.subject?.reference?.slice(8) ?? null,
    })),
  );
  return { total: resources.length, resources, next: null };
}

export const questionnaireResponseHandler: ResourceHandler = {
  type: 'QuestionnaireResponse',
  params: ['patient', 'subject', 'authored', 'status', 'questionnaire', '_lastUpdated', '_sort'],
  async read(ctx, id) {
    const input = await reachableAnswer(ctx, id, 'QuestionnaireResponse', id);
    await auditReads(ctx, [
      {
        action: 'fhir.read',
        resourceType: 'QuestionnaireResponse',
        resourceId: id,
        patientId: input.patientId,
      },
    ]);
    return toQuestionnaireResponse(input, ctx);
  },
  async search(ctx, params, count, cursor) {
    const patientId = requirePatient(params, 'QuestionnaireResponse');
    await reachPatient(ctx, patientId, {
      action: 'fhir.search',
      resourceType: 'QuestionnaireResponse',
      resourceId: patientId,
    });
    const statuses = params.get('status')?.flatMap((v) => v.split(','));
    const wantsComplete = statuses?.includes('completed') ?? true;
    const wantsPartial = statuses?.includes('in-progress') ?? true;
    const sort = sortOf(
      params,
      ['-authored', 'authored', '_lastUpdated', '-_lastUpdated'] as const,
      '-authored',
    );
    const authored = boundsOf(params, 'authored');
    const updated = boundsOf(params, '_lastUpdated');
    const search: repo.AnswerSearch = {
      clinicId: ctx.client.clinicId,
      patientId,
      kind: 'responses',
      totalOf: [],
      item9Of: [],
      complete: wantsComplete === wantsPartial ? null : wantsComplete,
      // Neither status asked for (e.g. status=amended): nothing matches.
      instruments: wantsComplete || wantsPartial ? questionnairesOf(params.get('questionnaire')) : [],
      from: authored.from,
      before: authored.before,
      createdFrom: updated.from,
      createdBefore: updated.before,
      order: sort.startsWith('-') ? 'desc' : 'asc',
      sortBy: sort.endsWith('authored') ? 'answered_at' : 'created_at',
      startAt: cursor,
      limit: count + 1,
    };
    const db = ctx.deps.database.db;
    const [total, rows] = await Promise.all([
      repo.countAnswerParts(db, search),
      repo.searchAnswers(db, search),
    ]);
    const extra = rows[count];
    const inputs = rows.slice(0, count).flatMap((r) => toInput(r) ?? []);
    await auditReads(ctx, [
      { action: 'fhir.search', resourceType: 'QuestionnaireResponse', resourceId: null, patientId },
    ]);
    return {
      total,
      resources: inputs.map((i) => toQuestionnaireResponse(i, ctx)),
      next: extra
        ? { at: search.sortBy === 'answered_at' ? extra.answered_at : extra.created_at, id: extra.id }
        : null,
    };
  },
};

/** Instruments named by `questionnaire` (a canonical URL ending in Questionnaire/<id>, or the id). */
function questionnairesOf(values: readonly string[] | undefined): string[] | null {
  if (!values) return null;
  let ids = instrumentList.map((i) => i.id);
  for (const v of values) {
    const named = v.split(',').map((one) => one.split('|')[0]?.split('/').at(-1) ?? '');
    ids = ids.filter((id) => named.includes(id));
  }
  return ids;
}

export const questionnaireHandler: ResourceHandler = {
  type: 'Questionnaire',
  params: ['_id', 'url', 'code'],
  read(ctx, id) {
    const instrument = findInstrument(id);
    if (!instrument) return Promise.reject(notFoundFhir('Questionnaire', id));
    return Promise.resolve(toQuestionnaire(instrument, ctx));
  },
  search(ctx, params) {
    const ids = idsOf(params);
    const urls = params.get('url')?.flatMap((v) => v.split(','));
    const codes = params.get('code') ? tokenCodes(params.get('code') ?? [], LOINC).flat() : null;
    const match = (i: Instrument) =>
      (ids === null || ids.includes(i.id)) &&
      (urls === undefined || urls.includes(toQuestionnaire(i, ctx).url ?? '')) &&
      (codes === null || codes.includes(i.panelLoinc));
    const resources = instrumentList.filter(match).map((i) => toQuestionnaire(i, ctx));
    return Promise.resolve({ total: resources.length, resources, next: null });
  },
};
