import {
  answersSchema,
  type QuestionnaireResponse,
  type RiskAssessment,
} from '../../../shared/measures/schemas.js';
import { findInstrument } from '../../../shared/measures/instruments.js';
import { scoreAnswers } from '../../../shared/measures/scoring.js';
import { interpret } from '../../../shared/measures/interpretation.js';
import { roleSchema } from '../../../shared/access/roles.js';
import {
  contactMethods,
  riskActions,
  riskOutcomes,
  responseSourceSchema,
} from '../../../shared/measures/schemas.js';
import type { ResponseRow, RiskAssessmentRow } from './measures.repository.js';
import { z } from 'zod';

export const parseAnswers = (json: string) => answersSchema.parse(JSON.parse(json));

/** A stored response as the API shows it, interpreted against the patient's baseline of that instrument. */
export function toQuestionnaireResponse(
  row: ResponseRow,
  baseline: { id: string; total: number | null } | undefined,
): QuestionnaireResponse {
  const instrument = findInstrument(row.instrument);
  if (!instrument) throw new Error(`Unknown instrument ${row.instrument}`);
  const answers = parseAnswers(row.answers);
  const score = scoreAnswers(instrument, answers);
  const isBaseline = baseline?.id === row.id;
  const read = interpret(instrument, row.total, baseline?.total ?? null, { isBaseline });
  // Issue 12: an answer with thoughts of self-harm (item 9 above 0) is never called remission or response,
  // whatever its total: nothing says good news beside it.
  const selfHarm = (row.item9 ?? 0) > 0;
  const interpretation = selfHarm ? { ...read, remission: false, response: false } : read;
  return {
    id: row.id,
    patientId: row.patient_id,
    instrument: row.instrument,
    instrumentVersion: row.instrument_version,
    name: instrument.name,
    answers,
    total: row.total,
    severity: score.severity ? { code: score.severity.code, label: score.severity.label } : null,
    missingItems: score.missingItems,
    incompleteReason: score.incompleteReason,
    item9: row.item9,
    source: responseSourceSchema.parse(row.source),
    answeredAt: row.answered_at,
    answeredDay: row.answered_day,
    enteredBy: {
      userId: row.entered_by,
      name: row.entered_by_name,
      role: roleSchema.parse(row.entered_by_role),
    },
    backdateReason: row.backdate_reason ?? null,
    interpretation: { isBaseline, ...interpretation },
  };
}

export function toRiskAssessment(row: RiskAssessmentRow): RiskAssessment {
  return {
    id: row.id,
    patientId: row.patient_id,
    responseId: row.response_id,
    alertId: row.alert_id,
    contactedAt: row.contacted_at,
    method: z.enum(contactMethods).parse(row.method),
    outcome: z.enum(riskOutcomes).parse(row.outcome),
    actions: z.array(z.enum(riskActions)).parse(JSON.parse(row.actions)),
    actionsOther: row.actions_other,
    notes: row.notes,
    recordedBy: {
      userId: row.recorded_by,
      name: row.recorded_by_name,
      role: roleSchema.parse(row.recorded_by_role),
    },
    createdAt: row.created_at,
  };
}
