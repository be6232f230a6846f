// The timeline as rows: one per mark, in day order. The chart draws them; the table reads them out; both
// link each row to the record's own page.
import type { Timeline } from '../../../shared/timeline/api';

export type Lane = 'Scores' | 'Medication' | 'Sessions' | 'Side effects' | 'Practice' | 'Ratings' | 'Plan';

export interface TimelineRow {
  id: string;
  day: string;
  lane: Lane;
  /** What happened, in words. */
  what: string;
  /** The page where the record is opened. */
  href: string;
}

const SESSION_WORDS = {
  scheduled: 'booked',
  attended: 'attended',
  no_show: 'missed',
  cancelled: 'cancelled',
};
const PRACTICE_WORDS: Record<string, string> = {
  thought_record: 'Thought record',
  behavioural_activation: 'Activity log',
  diary_card: 'Diary card',
  ipt_log: 'Relationships log',
  free_form: 'Exercise',
};
const INSTRUMENT_WORDS = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

export function timelineRows(t: Timeline): TimelineRow[] {
  const base = `/patients/${encodeURIComponent(t.patientId)}`;
  const rows: TimelineRow[] = [
    ...t.scores.map((s) => ({
      id: s.id,
      day: s.day,
      lane: 'Scores' as const,
      what:
        `${INSTRUMENT_WORDS[s.instrument]} ${s.total === null ? 'partly answered' : String(s.total)}` +
        (s.severity ? ` (${s.severity.replace(/_/g, ' ')})` : '') +
        (s.item9 !== null && s.item9 > 0 ? `, item 9 answered ${String(s.item9)}` : ''),
      href: `${base}/measures`,
    })),
    ...t.medications.flatMap((m) => [
      ...m.changes.map((c) => ({
        id: c.id,
        day: c.day,
        lane: 'Medication' as const,
        what: `${m.name}: ${c.summary}${c.reason ? ` — ${c.reason}` : ''}`,
        href: `${base}/medications`,
      })),
      ...m.missedStretches.map((s) => ({
        id: `${m.id}:${s.from}`,
        day: s.from,
        lane: 'Medication' as const,
        what: `${m.name}: ${String(s.doses)} doses missed in a row (${s.from} to ${s.to})`,
        href: `${base}/medications`,
      })),
    ]),
    ...t.sessions.map((s) => ({
      id: s.id,
      day: s.day,
      lane: 'Sessions' as const,
      what: `${s.type === 'therapy_session' ? 'Therapy session' : 'Medication review'} ${SESSION_WORDS[s.status]}`,
      href: `${base}/appointments`,
    })),
    ...t.sideEffects.map((r) => ({
      id: r.id,
      day: r.day,
      lane: 'Side effects' as const,
      what: `Side effects (${r.severity})${r.medicationName ? ` with ${r.medicationName}` : ''}: ${r.symptoms.join(', ').replace(/_/g, ' ')}`,
      href: `${base}/medications`,
    })),
    ...t.practice.map((p) => ({
      id: p.id,
      day: p.day,
      lane: 'Practice' as const,
      what: `${PRACTICE_WORDS[p.type] ?? p.type} done${p.sharing === 'therapist' ? ' (shared with the therapist only)' : ''}`,
      href: `${base}/practice`,
    })),
    ...t.sessionRatings.map((r) => ({
      id: r.id,
      day: r.day,
      lane: 'Ratings' as const,
      what: `Session rated: goals ${String(r.goalsRating)}, heard ${String(r.heardRating)}`,
      href: `${base}/feedback`,
    })),
    ...t.whatHelps.map((r) => ({
      id: r.id,
      day: r.day,
      lane: 'Ratings' as const,
      what: `What helps: ${r.parts.map((p) => `${p.label} ${p.score === null ? 'not sure' : String(p.score)}`).join(', ')}`,
      href: `${base}/feedback`,
    })),
    ...t.plan.map((p) => ({
      id: p.id,
      day: p.day,
      lane: 'Plan' as const,
      what: p.label,
      href: `${base}/plan`,
    })),
  ];
  return rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export const zooms = [
  { value: '28', label: '4 weeks' },
  { value: '91', label: '3 months' },
  { value: '365', label: 'A year' },
  { value: 'all', label: 'All' },
] as const;
export type Zoom = (typeof zooms)[number]['value'];
