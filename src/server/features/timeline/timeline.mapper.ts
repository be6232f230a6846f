// Rows of the timeline's reads → the API's shapes (shared/timeline/schemas.ts).
import { addDays, localDate } from '../../../shared/time/index.js';
import type { Regimen } from '../../../shared/medications/schedule.js';
import type { Timeline } from '../../../shared/timeline/api.js';
import type { Window } from './timeline.repository.js';

type Score = Timeline['scores'][number];

export function toScore(row: {
  id: string;
  instrument: string;
  answered_day: string;
  answered_at: number;
  total: number | null;
  severity: string | null;
  item9: number | null;
}): Score | null {
  if (row.instrument !== 'phq9' && row.instrument !== 'gad7') return null;
  return {
    id: row.id,
    instrument: row.instrument,
    day: row.answered_day,
    at: row.answered_at,
    total: row.total,
    severity: row.severity,
    item9: row.instrument === 'phq9' ? row.item9 : null,
  };
}

/** A regimen's periods that touch the window, each with its last day (the day before the next starts). */
export function toDosePeriods(
  regimen: Regimen | undefined,
  w: Window,
): Timeline['medications'][number]['periods'] {
  if (!regimen) return [];
  return regimen.periods
    .map((p, i) => {
      const next = regimen.periods[i + 1];
      const to = next ? addDays(next.from, -1) : regimen.endDate;
      return { from: p.from, to, doseAmount: p.doseAmount, doseUnit: p.doseUnit, paused: p.paused };
    })
    .filter((p) => p.from <= w.to && (p.to === null || p.to >= w.from) && (p.to === null || p.to >= p.from));
}

export function toWhatHelps(
  rows: readonly { id: string; rated_day: string; part_kind: string; label: string; score: number | null }[],
): Timeline['whatHelps'] {
  const out: Timeline['whatHelps'] = [];
  for (const r of rows) {
    let round = out[out.length - 1];
    if (round?.id !== r.id) {
      round = { id: r.id, day: r.rated_day, parts: [] };
      out.push(round);
    }
    round.parts.push({ kind: r.part_kind, label: r.label, score: r.score });
  }
  return out;
}

const reviewWords: Record<string, string> = {
  continue: 'Review: continue',
  adjust: 'Review: adjust',
  step_up: 'Review: step up',
  step_down: 'Review: step down',
};

/** Plan versions (on the day agreed, else created) and reviews, in day order. */
export function toPlanMarks(
  versions: readonly {
    id: string;
    number: number;
    status: string;
    created_at: number;
    agreed_at: number | null;
  }[],
  reviews: readonly { id: string; held_on: string; decision: string }[],
  w: Window,
  zone: string,
): Timeline['plan'] {
  const marks: Timeline['plan'] = [
    ...versions.flatMap((v) => {
      const at =
        v.agreed_at !== null && v.agreed_at >= w.fromAt && v.agreed_at < w.toAt ? v.agreed_at : v.created_at;
      if (at < w.fromAt || at >= w.toAt) return [];
      const status = v.status.replace(/_/g, ' ');
      return [
        {
          id: v.id,
          kind: 'version' as const,
          day: localDate(at, zone),
          label: `Version ${String(v.number)} (${status})`,
        },
      ];
    }),
    ...reviews.map((r) => ({
      id: r.id,
      kind: 'review' as const,
      day: r.held_on,
      label: reviewWords[r.decision] ?? `Review: ${r.decision.replace(/_/g, ' ')}`,
    })),
  ];
  return marks.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
