// Display words of the worklist (issue 15). No rules here.
import type { ScoreTrend, WorklistRow, WorklistSort } from '../../../shared/worklist/api';

export const SORT_LABELS: Record<WorklistSort, string> = {
  urgency: 'Urgency',
  name: 'Name',
  nextAppointment: 'Next appointment',
  phq9: 'PHQ-9 (highest first)',
};

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;
const DIRECTION_WORDS = { up: 'up from', down: 'down from', same: 'same as' } as const;

/** "9 ↓ 14" for the eye and "9, down from 14" for a screen reader. */
export function trendWords(t: ScoreTrend | null): { short: string; spoken: string } {
  if (t === null) return { short: '—', spoken: 'not answered' };
  if (t.direction === null || t.previous === null)
    return { short: String(t.latest), spoken: `${String(t.latest)}, first answer` };
  return {
    short: `${String(t.latest)} ${ARROWS[t.direction]} ${String(t.previous)}`,
    spoken: `${String(t.latest)}, ${DIRECTION_WORDS[t.direction]} ${String(t.previous)}`,
  };
}

export function adherenceWords(a: WorklistRow['adherence']): string {
  if (a === null) return '—';
  const pct = a.percent === null ? '—' : `${String(Math.round(a.percent))}%`;
  return `${pct} (${String(a.taken)}/${String(a.scheduled)} doses, ${String(a.days)} days)`;
}
