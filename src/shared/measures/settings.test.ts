import { describe, expect, it } from 'vitest';
import { answerDateProblem, IMPORTED_HISTORY_DAYS } from './settings.js';

// Answer dates (docs/clinical-rules.md "Answer dates and the baseline"): in session within the clinic's limit,
// never before enrolment; an integration's import up to IMPORTED_HISTORY_DAYS back, from before enrolment too.
const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 7, 12);
const at = (daysBack: number) => now - daysBack * DAY;
const day = (daysBack: number) => new Date(at(daysBack)).toISOString().slice(0, 10);
const check = (daysBack: number, o: { imported?: boolean; enrolledDaysAgo?: number; reason?: string } = {}) =>
  answerDateProblem({
    answeredAt: at(daysBack),
    now,
    answeredDay: day(daysBack),
    today: day(0),
    enrolledDay: day(o.enrolledDaysAgo ?? 5),
    limitDays: 14,
    daysBack,
    reason: o.reason ?? 'From the session',
    ...(o.imported === undefined ? {} : { imported: o.imported }),
  });

describe('answerDateProblem', () => {
  it.each([
    ['in session, 3 days back, after enrolment', 3, {}, null],
    ['in session, before enrolment', 10, {}, 'before the patient was enrolled'],
    ['in session, beyond the clinic limit', 20, { enrolledDaysAgo: 60 }, 'at most 14 days (clinic setting)'],
    ['imported, before enrolment', 10, { imported: true }, null],
    ['imported, 300 days back', 300, { imported: true }, null],
    ['imported, exactly the limit', IMPORTED_HISTORY_DAYS, { imported: true }, null],
    [
      'imported, beyond the limit',
      IMPORTED_HISTORY_DAYS + 1,
      { imported: true },
      'Imported answers can be dated back at most 365 days.',
    ],
    ['imported, without a reason', 10, { imported: true, reason: ' ' }, 'Say why'],
    ['imported, in the future', -1, { imported: true }, 'in the future'],
  ] as const)('%s', (_, daysBack, o, expected) => {
    const problem = check(daysBack, o);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem?.message).toContain(expected);
  });

  it('an imported date before 1900 is refused as a typing mistake', () => {
    const old = Date.UTC(1899, 11, 31);
    expect(
      answerDateProblem({
        answeredAt: old,
        now,
        answeredDay: '1899-12-31',
        today: day(0),
        enrolledDay: day(5),
        limitDays: 14,
        daysBack: 46_000,
        reason: 'x',
        imported: true,
      })?.message,
    ).toContain('before 1900');
  });
});
