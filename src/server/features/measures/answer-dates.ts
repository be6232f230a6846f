import { daysBetween, localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { answerDateProblem, BACKDATE_LIMIT_DAYS_DEFAULT } from '../../../shared/measures/settings.js';
import { clinicSettings } from '../clinic/index.js';

/**
 * When an answer counts as given (issue 12, docs/clinical-rules.md "Answer dates and the baseline"): the
 * patient's own answers are dated now; a clinician entering answers from a session may date them back at
 * most the clinic's limit (default 14 days), with a reason when on an earlier day, never before the
 * patient's enrolment or 1900, never in the future; an integration's import keeps the EHR's date up to a year
 * back, from before enrolment too. A refusal names the field.
 */
export async function answerDate(
  trx: Db,
  clinicId: string,
  patient: { timeZone: string; enrolledAt: number },
  input: { answeredAt?: number | undefined; backdateReason?: string | undefined },
  inSession: boolean,
  now: number,
  /** An integration's import from the clinic's EHR: its own limit, from before enrolment too (settings.ts). */
  imported = false,
): Promise<{ answeredAt: number; backdateReason: string | null }> {
  if (input.answeredAt === undefined) return { answeredAt: now, backdateReason: null };
  if (!inSession)
    throw new AppError('validation_failed', 'answeredAt is only for past answers entered from a session.', [
      { path: 'body.answeredAt', message: 'Not for patients' },
    ]);
  const today = localDate(now, patient.timeZone);
  const answeredDay = localDate(input.answeredAt, patient.timeZone);
  const problem = answerDateProblem({
    answeredAt: input.answeredAt,
    now,
    answeredDay,
    today,
    enrolledDay: localDate(patient.enrolledAt, patient.timeZone),
    limitDays: (await clinicSettings(trx, clinicId)).backdateLimitDays ?? BACKDATE_LIMIT_DAYS_DEFAULT,
    daysBack: answeredDay < today ? daysBetween(answeredDay, today) : 0,
    reason: input.backdateReason,
    imported,
  });
  if (problem)
    throw new AppError('validation_failed', problem.message, [
      { path: `body.${problem.field}`, message: problem.message },
    ]);
  const reason = input.backdateReason?.trim() ?? '';
  return { answeredAt: input.answeredAt, backdateReason: answeredDay < today && reason ? reason : null };
}
