import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { instrumentById, type InstrumentId } from '../../../shared/measures/instruments.js';
import { invalidAnswers, scoreAnswers } from '../../../shared/measures/scoring.js';
import {
  interpret,
  relapseFrom,
  RELAPSE_WINDOW_DAYS,
  type Interpretation,
} from '../../../shared/measures/interpretation.js';
import type {
  DueList,
  NewResponse,
  QuestionnaireResponse,
  SubmitResult,
} from '../../../shared/measures/schemas.js';
import * as repo from './measures.repository.js';
import { toQuestionnaireResponse } from './measures.mapper.js';
import { crisisFor } from './crisis.js';
import { measuresDueFor } from './due.js';
import { answerDate } from './answer-dates.js';
import { closeContradictedGoodNews, closeGoodNewsOnSafety } from './good-news.js';
import { refreshPatientSummaries } from './summaries.repository.js';
import { insertResponse } from './responses.repository.js';
import { quietOnSafetyDays } from './safety-days.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

const DAY_MS = 86_400_000;

async function loadResponse(trx: Db, clinicId: string, patientId: string, responseId: string) {
  const row = await repo.findResponse(trx, clinicId, responseId);
  if (row?.patient_id !== patientId) return null;
  const baseline = await repo.baselineOf(trx, clinicId, patientId, row.instrument);
  const [response] = await quietOnSafetyDays(trx, clinicId, patientId, [
    toQuestionnaireResponse(row, baseline),
  ]);
  return response ?? null;
}

/**
 * Whether this answer is the first to reach response or remission since the previous scored answer:
 * good news is told once when the target is reached, not again with every answer that stays there.
 */
async function newlyReached(trx: Db, clinicId: string, response: QuestionnaireResponse, i: Interpretation) {
  if (response.total === null) return { newlyResponse: false, newlyRemission: false };
  const instrument = instrumentById(response.instrument as InstrumentId);
  const previous = await repo.previousScored(
    trx,
    clinicId,
    response.patientId,
    response.instrument,
    response.answeredAt,
    response.id,
  );
  const before =
    previous === undefined
      ? null
      : interpret(instrument, previous.total, i.baselineTotal, { isBaseline: previous.id === response.id });
  return {
    newlyResponse: i.response && !(before?.response ?? false),
    newlyRemission: i.remission && !(before?.remission ?? false),
  };
}

async function withCrisis(trx: Db, actor: Actor, response: QuestionnaireResponse): Promise<SubmitResult> {
  const crisis = (response.item9 ?? 0) > 0 ? await crisisFor(trx, actor.clinicId, response.patientId) : null;
  return { response, crisis };
}

/**
 * Records a questionnaire: the patient's own (source 'patient') or answers a clinician enters from a
 * session ('in_session'). Idempotent on the client's id. In the same transaction: a self-harm event when
 * PHQ-9 item 9 is above 0 (whatever the total; care-rules.md "Safety"), and `measure.submitted`.
 */
export function submitResponse(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewResponse,
): Promise<SubmitResult & { created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.submit', resourceType: 'questionnaire_response', resourceId: input.id },
    (trx) => recordResponse(deps, trx, actor, patientId, input),
  );
}

/**
 * The same use case inside a transaction whose caller has already checked access and writes its own audit
 * event (issue 16: the FHIR API's QuestionnaireResponse create, with an API client as actor): scoring, the
 * self-harm safety path and `measure.submitted`, exactly as for the patient's own answer.
 */
export async function recordResponse(
  deps: AppDeps,
  trx: Db,
  actor: Actor,
  patientId: string,
  input: NewResponse,
  /** `imported`: scores from the clinic's EHR through the FHIR API, dated as the EHR gives (answer-dates.ts). */
  opts: { imported?: boolean } = {},
): Promise<SubmitResult & { created: boolean }> {
  const retry = async () => {
    const existing = await loadResponse(trx, actor.clinicId, patientId, input.id);
    if (!existing)
      throw new AppError('conflict', 'This answer id is already used. Send a new id.', [
        { path: 'body.id', message: 'Already used' },
      ]);
    return { ...(await withCrisis(trx, actor, existing)), created: false };
  };
  if (await repo.findResponse(trx, actor.clinicId, input.id)) return retry();

  const instrument = instrumentById(input.instrument);
  const problems = invalidAnswers(instrument, input.answers);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      'Some answers are not options of this questionnaire.',
      problems.map((p) => ({ ...p, path: `body.${p.path}` })),
    );
  const now = deps.clock.now();
  const inSession = actor.role !== 'patient';
  const patient = await patientBasics(trx, actor.clinicId, patientId);
  if (!patient) throw notFound('Patient');
  const { answeredAt, backdateReason } = await answerDate(
    trx,
    actor.clinicId,
    patient,
    input,
    inSession,
    now,
    opts.imported === true,
  );
  const score = scoreAnswers(instrument, input.answers);
  const answeredDay = localDate(answeredAt, patient.timeZone);
  const inserted = await insertResponse(trx, {
    id: input.id,
    clinic_id: actor.clinicId,
    patient_id: patientId,
    instrument: instrument.id,
    instrument_version: instrument.version,
    answers: JSON.stringify({ items: input.answers.items, functional: input.answers.functional }),
    total: score.total,
    severity: score.severity?.code ?? null,
    item9: score.safetyItem,
    source: inSession ? 'in_session' : 'patient',
    answered_at: answeredAt,
    answered_day: answeredDay,
    entered_by: actor.userId,
    created_at: now,
    backdate_reason: backdateReason,
  });
  if (!inserted) return retry();

  const response = await loadResponse(trx, actor.clinicId, patientId, input.id);
  if (!response) throw new Error('response vanished inside its transaction');
  const selfHarm = score.safetyItem !== null && score.safetyItem > 0;
  // The safety event first: it is the one that must never be lost (same transaction as the answers).
  if (selfHarm) {
    await emitEvent(trx, deps.clock, {
      type: 'measure.self_harm_reported',
      clinicId: actor.clinicId,
      patientId,
      payload: { responseId: input.id, item9: score.safetyItem ?? 1, total: score.total },
    });
    // Same-day "no good news": the other questionnaire's summary reads this day too.
    await refreshPatientSummaries(trx, actor.clinicId, patientId);
    await closeGoodNewsOnSafety(deps, trx, actor.clinicId, patientId, 'PHQ-9 item 9 answered above 0');
  }
  const i = response.interpretation;
  const reached = await newlyReached(trx, actor.clinicId, response, i);
  const recent = await repo.scoredTotalsBetween(
    trx,
    actor.clinicId,
    patientId,
    instrument.id,
    answeredAt - RELAPSE_WINDOW_DAYS * DAY_MS,
    answeredAt,
    input.id,
  );
  const relapse = i.isBaseline ? null : relapseFrom(instrument.id as InstrumentId, response.total, recent);
  const safetyConcernSameDay =
    selfHarm || (await repo.safetyConcernOnDay(trx, actor.clinicId, patientId, answeredDay));
  if (response.total !== null)
    await closeContradictedGoodNews(deps, trx, actor.clinicId, patientId, {
      instrument: instrument.id,
      name: instrument.name,
      total: response.total,
      remission: i.remission,
      response: i.response,
      worse: i.reliableDeterioration,
      relapse,
    });
  await emitEvent(trx, deps.clock, {
    type: 'measure.submitted',
    clinicId: actor.clinicId,
    patientId,
    payload: {
      responseId: input.id,
      instrument: instrument.id as InstrumentId,
      total: response.total,
      severity: response.severity?.code ?? null,
      baselineTotal: i.baselineTotal,
      changePoints: i.changePoints,
      changePercent: i.changePercent,
      response: i.response,
      remission: i.remission,
      reliableImprovement: i.reliableImprovement,
      reliableDeterioration: i.reliableDeterioration,
      ...reached,
      safetyConcernSameDay,
      relapse,
    },
  });
  return { ...(await withCrisis(trx, actor, response)), created: true };
}

/** A patient's questionnaires (one instrument or all), oldest first, each interpreted against its baseline. */
export function listResponses(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  instrument: InstrumentId | undefined,
  limit: number,
): Promise<{ responses: QuestionnaireResponse[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.list', resourceType: 'questionnaire_response' },
    async (trx) => {
      const { rows, hasMore } = await repo.latestResponsesOfPatient(
        trx,
        actor.clinicId,
        patientId,
        limit,
        instrument,
      );
      const baselines = await repo.baselinesOf(trx, actor.clinicId, patientId, instrument);
      const responses = await quietOnSafetyDays(
        trx,
        actor.clinicId,
        patientId,
        rows.map((r) => toQuestionnaireResponse(r, baselines.get(r.instrument))),
      );
      return { responses, hasMore };
    },
  );
}

export function getResponse(deps: AppDeps, actor: Actor, patientId: string, responseId: string) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.read', resourceType: 'questionnaire_response', resourceId: responseId },
    async (trx) => {
      const response = await loadResponse(trx, actor.clinicId, patientId, responseId);
      if (!response) throw notFound('Questionnaire response');
      return response;
    },
  );
}

/** What is due for this patient now (the patient's home page and the team's view). */
export function dueMeasures(deps: AppDeps, actor: Actor, patientId: string): Promise<DueList> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'measure.due', resourceType: 'questionnaire_response' },
    async (trx) => {
      const due = (await measuresDueFor(trx, actor.clinicId, [patientId], deps.clock.now())).get(patientId);
      if (!due) throw notFound('Patient');
      return {
        today: due.today,
        timeZone: due.timeZone,
        scheduleFrom: due.scheduleFrom,
        measures: due.measures,
        earlyTreatmentWatch: due.earlyTreatmentWatch,
      };
    },
  );
}
