import { z } from 'zod';

/**
 * Answer dates (issue 12; product policy): an answer a clinician enters from a session may be dated back
 * at most this many days (default 14: one measurement interval of the acute phase, care-rules.md
 * "Measurement schedule"), with a reason. A clinic setting.
 */
export const BACKDATE_LIMIT_DAYS_DEFAULT = 14;
/**
 * Scores an integration imports from the clinic's EHR (the FHIR API: a QuestionnaireResponse or a PHQ-9/GAD-7
 * panel, alone or in a transaction Bundle that enrols the patient) keep the date the EHR gives, up to this many
 * days back and also from before the patient's enrolment in Duet: the recent history a prescriber and a
 * therapist want to see next to the first scores in Duet (issue 16, "recent scores"; product policy).
 */
export const IMPORTED_HISTORY_DAYS = 365;
/** No answer can be older than this (an obvious typing mistake such as 1970 or 0019). */
export const EARLIEST_ANSWER_AT = Date.UTC(1900, 0, 1);

const backdateRange = z.number().int().min(0).max(365);

/** Optional keys of the clinic settings schema (shared/clinic/settings.ts). */
export const measureSettingsShape = { backdateLimitDays: backdateRange.optional() };

export interface AnswerDateProblem {
  message: string;
}

/**
 * Checks the date a clinician gives an in-session answer, or an integration an imported one (pure: the caller
 * passes the days in the patient's time zone). Returns the problem in words for the field, or null when the
 * date is acceptable. `reason` is required when the answer is dated on an earlier day than today. An imported
 * answer (`imported`) may be from before the patient's enrolment, up to IMPORTED_HISTORY_DAYS back instead of
 * the clinic's limit for answers entered in session.
 */
export function answerDateProblem(i: {
  answeredAt: number;
  now: number;
  answeredDay: string;
  today: string;
  enrolledDay: string;
  limitDays: number;
  daysBack: number;
  reason: string | null | undefined;
  imported?: boolean;
}): { field: 'answeredAt' | 'backdateReason'; message: string } | null {
  if (i.answeredAt > i.now) return { field: 'answeredAt', message: 'This date is in the future.' };
  if (i.answeredAt < EARLIEST_ANSWER_AT)
    return { field: 'answeredAt', message: 'This date is before 1900: check the year.' };
  if (i.imported === true) {
    if (i.daysBack > IMPORTED_HISTORY_DAYS)
      return {
        field: 'answeredAt',
        message: `Imported answers can be dated back at most ${String(IMPORTED_HISTORY_DAYS)} days.`,
      };
  } else if (i.answeredDay < i.enrolledDay)
    return {
      field: 'answeredAt',
      message: `This date is before the patient was enrolled (${i.enrolledDay}).`,
    };
  else if (i.daysBack > i.limitDays)
    return {
      field: 'answeredAt',
      message: `Answers can be dated back at most ${String(i.limitDays)} days (clinic setting).`,
    };
  if (i.answeredDay < i.today && (i.reason ?? '').trim() === '')
    return { field: 'backdateReason', message: 'Say why this answer is dated in the past.' };
  return null;
}
