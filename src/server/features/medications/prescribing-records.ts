import { z } from 'zod';
import {
  answeredWarningSchema,
  monitoringAnswerSchema,
  overMaximumRecordSchema,
  type AnsweredWarning,
  type MonitoringAnswer,
  type OverMaximumRecord,
} from '../../../shared/medication-safety/prescribing-schemas.js';

// The stored JSON of the prescribing checks (migration 026), parsed with its schema on the way out.

function parse<T>(schema: z.ZodType<T>, json: string | null | undefined): T | null {
  if (json === null || json === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const parseOverMaximum = (json: string | null | undefined): OverMaximumRecord | null =>
  parse(overMaximumRecordSchema, json);
export const parseAnswers = (json: string | null | undefined): AnsweredWarning[] =>
  parse(z.array(answeredWarningSchema), json) ?? [];
export const parseMonitoringAnswer = (json: string | null | undefined): MonitoringAnswer | null =>
  parse(monitoringAnswerSchema, json);
