// Words of the visit summary (issue 14), the same on screen and in the PDF. Pure.
import type { VisitSummary } from './visit-summary-schema.js';

export const appointmentTypeWords: Record<string, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication review',
};

export const addresseeWords = {
  therapist: 'For the therapist',
  prescriber: 'For the prescriber',
  both: 'For both',
} as const;

export function sinceWords(s: VisitSummary): string {
  const basis = s.since.basis === 'last_visit' ? 'the last visit' : 'the start of treatment';
  return `Since ${basis} on ${s.since.day}, up to ${s.to}`;
}

type Score = VisitSummary['scores'][number];
const at = (p: NonNullable<Score['first']>) =>
  `${p.total === null ? 'not scored' : String(p.total)}${p.severity ? ` (${p.severity.replace(/_/g, ' ')})` : ''} on ${p.day}`;

/** "PHQ-9: 18 (moderately severe) on 2026-09-01 → 9 (mild) on 2026-10-20, change −9". */
export function scoreLine(s: Score): string {
  if (!s.first) return `${s.label}: no answers in this time`;
  if (!s.last) return `${s.label}: ${at(s.first)} (one answer)`;
  const change =
    s.change === null
      ? ''
      : `, change ${s.change > 0 ? '+' : s.change < 0 ? '−' : '±'}${String(Math.abs(s.change))}`;
  return `${s.label}: ${at(s.first)} → ${at(s.last)}${change}`;
}

type Medication = VisitSummary['medications'][number];
export function adherenceWords(m: Medication): string {
  const a = m.adherence;
  if (a.percent === null) return 'no scheduled doses';
  const stretches =
    m.missedStretches === 0
      ? ''
      : `; ${String(m.missedStretches)} missed-dose stretch${m.missedStretches === 1 ? '' : 'es'}`;
  return `${String(a.percent)}% (${String(a.taken)} of ${String(a.scheduled)} doses logged taken)${stretches}`;
}

export const answerKindWords: Record<string, string> = {
  message: 'Message to the patient',
  dose_change: 'Dose change',
  advice: 'Advice / no change',
};
